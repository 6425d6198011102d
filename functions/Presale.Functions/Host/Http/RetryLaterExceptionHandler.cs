using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Presale.Adapters.Storage;
using Presale.Application.Common;

namespace Presale.Functions.Host.Http;

/// <summary>
/// Answers 503 problem details with <c>Retry-After</c>, instead of a 500, for the two failures a client should simply
/// retry: a change that gave up under contention (<see cref="ContentionException"/>) and storage that did not answer
/// within the request's budget (<see cref="StorageUnavailableException"/>). Neither leaves anything half-done that the
/// same request (same Idempotency-Key) sent again, or the sweepers, do not finish. Other exceptions are left to the
/// default handler.
/// </summary>
public sealed partial class RetryLaterExceptionHandler(IProblemDetailsService problems, ILogger<RetryLaterExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before retrying a change that met contention.</summary>
    public const int ContentionRetryAfterSeconds = 1;

    /// <summary>Seconds a client is asked to wait before retrying when storage did not answer: an outage outlasts a burst of contention.</summary>
    public const int StorageRetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = httpContext.Request.Path.Value ?? "/";
        ProblemDetails problem;
        switch (exception)
        {
            case ContentionException contention:
                LogContention(logger, httpContext.Request.Method, path, contention.Attempts);
                problem = Problem(contention.Attempts);
                break;
            case StorageUnavailableException storage:
                LogStorageUnavailable(logger, exception, httpContext.Request.Method, path, storage.Service, storage.Budget);
                problem = StorageProblem(storage.Service, storage.Budget);
                break;
            default:
                return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((int)problem.Extensions["retryAfterSeconds"]!).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>True for the failures this handler answers with 503.</summary>
    public static bool Handles(Exception exception) => exception is ContentionException or StorageUnavailableException;

    /// <summary>The 503 answer to a change that gave up after <paramref name="attempts"/> attempts.</summary>
    public static ProblemDetails Problem(int attempts) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Type = "urn:presale:problem:contention",
        Title = "Too many concurrent changes.",
        Detail = $"The change met concurrent changes on each of {attempts} attempts. Send the same request again (with the same Idempotency-Key) after {ContentionRetryAfterSeconds} s.",
        Extensions = { ["retryAfterSeconds"] = ContentionRetryAfterSeconds },
    };

    /// <summary>The 503 answer to a request whose storage calls did not finish within <paramref name="budget"/>.</summary>
    public static ProblemDetails StorageProblem(string service, TimeSpan budget) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Type = "urn:presale:problem:storage-unavailable",
        Title = "Storage did not answer in time.",
        Detail = $"The request's storage work did not finish within its budget of {budget.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s: {service} had not answered its last call. " +
            $"Send the same request again (with the same Idempotency-Key) after {StorageRetryAfterSeconds} s: it finishes what this one started, and is never applied twice.",
        Extensions = { ["dependency"] = service, ["retryAfterSeconds"] = StorageRetryAfterSeconds },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} gave up after {Attempts} attempts under contention; answered 503.")]
    private static partial void LogContention(ILogger logger, string method, string path, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path}: {Service} did not answer within {Budget}; answered 503.")]
    private static partial void LogStorageUnavailable(ILogger logger, Exception exception, string method, string path, string service, TimeSpan budget);
}
