namespace Presale.Functions.Host.OpenApi;

/// <summary>Example request and response bodies of one operation of the OpenAPI document (see <see cref="ApiExampleCatalog"/>).</summary>
/// <param name="Request">An example request body, or null when the operation takes none.</param>
/// <param name="Responses">
/// An example body per response status. A body is a DTO, a problem result (<c>Problems.NotFound(…)</c>: its problem
/// details are shown), a ready <see cref="System.Text.Json.Nodes.JsonNode"/> for bodies written with other JSON
/// options, or an <see cref="ApiExampleSet"/> when one status has several distinct answers (problem types).
/// </param>
internal sealed record ApiExamples(object? Request, IReadOnlyDictionary<int, object> Responses)
{
    /// <summary>Examples of an operation: its request body (or null) and a body per response status.</summary>
    public static ApiExamples For(object? request, params (int Status, object Body)[] responses) =>
        new(request, responses.ToDictionary(r => r.Status, r => r.Body));
}

/// <summary>Several named examples of one response, for a status with several distinct answers.</summary>
/// <param name="Examples">The examples by name (the name is shown as the example's summary).</param>
internal sealed record ApiExampleSet(IReadOnlyList<KeyValuePair<string, object>> Examples)
{
    public static ApiExampleSet Of(params (string Name, object Body)[] examples) =>
        new([.. examples.Select(e => KeyValuePair.Create(e.Name, e.Body))]);
}
