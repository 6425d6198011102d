namespace Presale.Functions.Apis;

/// <summary>
/// Endpoint metadata: the route is a supplier webhook that needs a valid <c>Presale-Signature</c> header (added by
/// <see cref="SupplierWebhookAuthenticationExtensions.RequireSupplierSignature{TBuilder}"/> together with the filter that
/// checks it). The OpenAPI document declares the header and the filter's 401 and 413 answers from it.
/// </summary>
internal sealed record SupplierSignatureMetadata;
