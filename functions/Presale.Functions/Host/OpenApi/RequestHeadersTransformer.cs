using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Presale.Application.Security;
using Presale.Application.Suppliers;
using Presale.Domain.Security;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Http;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// Declares the request headers a route reads, from its endpoint metadata: <c>Idempotency-Key</c>
/// (<see cref="IdempotencyKeyAttribute"/>, with <c>Idempotent-Replayed</c> on the answers a retry can get replayed) and
/// <c>Presale-Signature</c> (<see cref="SupplierSignatureAttribute"/>, with the signature filter's 401 and 413 answers).
/// </summary>
internal sealed class RequestHeadersTransformer(IOptions<JsonOptions> json, IOptions<SuppliersOptions> suppliers) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IdempotencyKeyAttribute>().FirstOrDefault() is { } idempotency)
        {
            AddHeader(operation, IdempotencyHeader.Key, "checkout-7f3c2a91", $"""
                Names this request so a retry is recognised (1–100 characters; no control characters, '/', '\', '#' or '?'). Required.
                A retry with the same key and the same body gets the same answer, marked `{IdempotencyHeader.Replayed}: true`, and changes nothing;
                the same key with a different body is refused with 422 (`urn:presale:problem:idempotency-key-reused`). Send a new key for a new request.
                """);
            foreach (var status in idempotency.ReplayedStatuses)
            {
                if (operation.Responses?.TryGetValue(status.ToString(CultureInfo.InvariantCulture), out var response) == true && response is OpenApiResponse answer)
                {
                    answer.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    answer.Headers[IdempotencyHeader.Replayed] = new OpenApiHeader
                    {
                        Description = $"`true` when this is the stored answer to an earlier request with the same {IdempotencyHeader.Key} and body; absent otherwise.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("true")] },
                    };
                }
            }
        }

        if (metadata.OfType<SupplierSignatureAttribute>().Any())
        {
            AddHeader(operation, WebhookSignature.HeaderName, "t=1772442000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd", $"""
                The supplier's signature of this delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" under the supplier's webhook secret>` (more `v1` entries allowed during a secret rotation).
                Required: this route is anonymous for the Functions host, the signature is its authentication. A timestamp more than {suppliers.Value.WebhookReplayWindow.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} minutes off the receiver's clock is refused.
                """);
            var options = json.Value.SerializerOptions;
            var window = suppliers.Value.WebhookReplayWindow;
            var unauthorized = await ProblemResponses.AddAsync(operation, context, StatusCodes.Status401Unauthorized,
                $"The {WebhookSignature.HeaderName} header is missing, malformed, expired or matches no current secret of the supplier (an unknown supplier looks the same); `code` says which.",
                ApiExampleSet.Of(
                    ("signature-mismatch", SupplierWebhookAuthenticationFilter.Unauthorized(SupplierWebhookStatus.SignatureMismatch, window)),
                    ("signature-missing", SupplierWebhookAuthenticationFilter.Unauthorized(SupplierWebhookStatus.MissingSignature, window)),
                    ("signature-expired", SupplierWebhookAuthenticationFilter.Unauthorized(SupplierWebhookStatus.Expired, window))),
                options,
                cancellationToken);
            unauthorized.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
            unauthorized.Headers["WWW-Authenticate"] = new OpenApiHeader
            {
                Description = $"`{WebhookSignature.HeaderName}`: the scheme expected.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            await ProblemResponses.AddAsync(operation, context, StatusCodes.Status413PayloadTooLarge,
                "The body is longer than the webhook limit; nothing was checked or applied.",
                Problems.TooLarge(suppliers.Value.MaxWebhookBodyBytes),
                options,
                cancellationToken);
        }
    }

    private static void AddHeader(OpenApiOperation operation, string name, string example, string description)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = true,
            Description = description.ReplaceLineEndings(" "),
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create(example),
        });
    }
}
