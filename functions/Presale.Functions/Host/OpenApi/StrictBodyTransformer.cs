using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Presale.Application.Common;
using Presale.Functions.Host.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// Describes how <see cref="JsonBody"/> reads every JSON request body: each such operation's request body says it is
/// read strictly, its 400 answer shows the refusal of an unknown member (produced by the reader itself from the
/// operation's request example, with the first member's name capitalised), and every schema a JSON request body uses
/// is closed (<c>additionalProperties: false</c>).
/// </summary>
internal sealed class StrictBodyTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    /// <summary>The request body's description on every operation that takes JSON.</summary>
    public const string Description =
        "Read strictly: members exactly as documented (names are case-sensitive), each at most once; `null` where the schema allows it is the same as leaving the member out. " +
        "An unknown member (a misspelt or differently cased name included), a repeated member, `null` where a value is required, a malformed value or a value of the wrong type " +
        "is refused with 400 `urn:presale:problem:validation` whose `errors` name each member by its JSON path (e.g. `lines[0].shipingCharge`); nothing is applied.";

    /// <summary>The name of the 400 example this transformer adds.</summary>
    public const string UnknownMember = "Unknown member";

    private const string InvalidValue = "Invalid value";
    private const string MediaType = "application/json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content?.TryGetValue(MediaType, out var media) != true)
        {
            return;
        }

        body.Description = Description;
        var type = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().Single(a => a.ContentTypes.Contains(MediaType)).RequestType
            ?? throw new InvalidOperationException($"{operation.OperationId} accepts JSON without naming its type (Accepts<T>).");
        if (media!.Example is not JsonObject { Count: > 0 } example)
        {
            throw new InvalidOperationException($"{operation.OperationId} has no request example to show an unknown member with (add one to ApiExampleCatalog).");
        }

        // A new object: the example's may compare names case-insensitively, and the case variant must be a member of its own.
        var (first, value) = example.First();
        var sent = new JsonObject(example.Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())))
        {
            [char.ToUpperInvariant(first[0]) + first[1..]] = value?.DeepClone(),
        };
        var refusal = JsonBody.Parse(Encoding.UTF8.GetBytes(sent.ToJsonString()), PresaleJson.Requests.GetTypeInfo(type)).Invalid
            ?? throw new InvalidOperationException($"{operation.OperationId}: the reader accepted an unknown member.");

        await ProblemResponses.JoinAsync(
            operation, context, StatusCodes.Status400BadRequest, "The body is not valid; `errors` names each member.", InvalidValue, UnknownMember, refusal, json.Value.SerializerOptions, cancellationToken);
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var closed = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.RequestBody?.Content?.TryGetValue(MediaType, out var media) == true && media.Schema is { } schema)
            {
                Close(schema, document, closed);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Sets <c>additionalProperties: false</c> on <paramref name="schema"/> (an object) and every schema it is made of.</summary>
    private static void Close(IOpenApiSchema schema, OpenApiDocument document, HashSet<IOpenApiSchema> closed)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            if (document.Components?.Schemas?.TryGetValue(reference.Reference.Id!, out var target) != true)
            {
                throw new InvalidOperationException($"The request schema {reference.Reference.Id} is not in the document's components.");
            }

            schema = target!;
        }

        if (!closed.Add(schema))
        {
            return;
        }

        if (schema is OpenApiSchema { Properties.Count: > 0 } properties)
        {
            properties.AdditionalPropertiesAllowed = false;
        }

        var parts = (schema.Properties?.Values ?? [])
            .Concat(schema.Items is { } items ? [items] : [])
            .Concat(schema.AllOf ?? [])
            .Concat(schema.AnyOf ?? [])
            .Concat(schema.OneOf ?? []);
        foreach (var part in parts)
        {
            Close(part, document, closed);
        }
    }
}
