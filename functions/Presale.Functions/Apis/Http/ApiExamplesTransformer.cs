using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Presale.Application.Common;

namespace Presale.Functions.Apis.Http;

/// <summary>Puts each endpoint's <see cref="ApiExamples"/> into its OpenAPI operation (request body and responses).</summary>
internal sealed class ApiExamplesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var examples = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiExamples>().FirstOrDefault();
        if (examples is null)
        {
            return Task.CompletedTask;
        }

        if (examples.Request is { } request && operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = JsonSerializer.SerializeToNode(request, request.GetType(), PresaleJson.Options);
            }
        }

        foreach (var (status, body) in examples.Responses)
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) == true && response.Content is { } media)
            {
                foreach (var type in media.Values)
                {
                    type.Example = JsonSerializer.SerializeToNode(body, body.GetType(), PresaleJson.Options);
                }
            }
        }

        return Task.CompletedTask;
    }
}
