namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// The answers of every route that reads a JSON body with <see cref="Http.JsonBody"/>: 400 with a validation problem
/// (a member the body does not have, a repeated member, a missing value, a bad field), 413 when the body is over the
/// feature's limit, 415 when it is not JSON. One attribute instead of the same three on each such route; the endpoint
/// mapping (<see cref="Standalone.HttpFunctionEndpoints"/>) expands it into the three answers the OpenAPI document reads.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class JsonBodyProblemsAttribute : Attribute
{
    /// <summary>The answers this attribute stands for, as endpoint metadata.</summary>
    public IReadOnlyList<object> Answers { get; } =
    [
        new ProducesValidationProblemAttribute(),
        new ProducesProblemAttribute(StatusCodes.Status413PayloadTooLarge),
        new ProducesProblemAttribute(StatusCodes.Status415UnsupportedMediaType),
    ];
}
