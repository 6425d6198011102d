namespace Presale.Functions.Apis.Http;

/// <summary>Endpoint metadata: example request and response bodies for the OpenAPI document.</summary>
/// <param name="Request">An example request body, or null.</param>
/// <param name="Responses">Example response bodies by status code.</param>
internal sealed record ApiExamples(object? Request, IReadOnlyDictionary<int, object> Responses);
