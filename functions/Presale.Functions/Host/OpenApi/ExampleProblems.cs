using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Common;
using Presale.Functions.Host.Http;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// Example answers the host gives the same way on every feature's routes (a bad field, a body that is not JSON, giving
/// up under contention), for the features' OpenAPI examples. They are built with the handlers' own helpers, so they
/// read like real answers.
/// </summary>
internal static class ExampleProblems
{
    /// <summary>The answer of a route giving up under contention (503 with Retry-After).</summary>
    public static ProblemHttpResult Contention => TypedResults.Problem(RetryLaterExceptionHandler.Problem(ConflictBackoff.MaxAttempts));

    /// <summary>The answer to a Content-Type other than JSON: routing refuses it by the endpoint's <c>Accepts</c> before the handler runs.</summary>
    public static ProblemHttpResult NotJson => TypedResults.Problem(statusCode: Status415UnsupportedMediaType);

    /// <summary>The answers of a route reading its body with <see cref="JsonBody"/>, which also refuses a body sent without a Content-Type.</summary>
    public static ApiExampleSet NotJsonBody => ApiExampleSet.Of(("Content-Type not JSON", NotJson), ("No Content-Type", Problems.UnsupportedMediaType()));

    /// <summary>A validation problem naming each field with its message.</summary>
    public static ValidationProblem Invalid(params (string Field, string Message)[] errors) =>
        Problems.Validation(errors.ToDictionary(e => e.Field, e => new[] { e.Message }));
}
