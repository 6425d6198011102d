using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Purchasing;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// A supplier's terms (operators, function key): payment terms, on-time window, chargeback rates, rebate schedule and
/// catalogue. Each function only translates HTTP to <see cref="SupplierTermsHandler"/>.
/// </summary>
public sealed class SupplierTermsFunctions(SupplierTermsHandler terms, PurchasingOptions options)
{
    /// <summary><c>PUT /api/suppliers/{supplierId}/terms</c>: 201 the first time, 200 after; 400 naming the field, 404 for an unknown supplier, 409 without shop settings.</summary>
    [Function("PutSupplierTerms")]
    [Tags("Purchasing")]
    [EndpointSummary("Save a supplier's terms: payment terms, on-time window, chargebacks, rebates, catalogue")]
    [EndpointDescription("Terms are in the shop's currency; catalogue SKUs must be configured (PUT /api/skus/{sku}). A purchase order keeps the window and chargeback rates it was created under; payment terms, rebates and the catalogue apply from now on. The supplier's first settlement period is the one its first terms took effect in.")]
    [Consumes(typeof(SupplierTermsRequest), "application/json")]
    [ProducesResponseType<SupplierTermsView>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<SupplierTermsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> PutSupplierTermsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "suppliers/{supplierId}/terms")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await JsonBody.ReadAsync<SupplierTermsRequest>(req, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        return await terms.PutAsync(supplierId, body.Value!, cancellationToken) switch
        {
            SupplierTermsResult.Saved { Created: true } saved => TypedResults.Created($"/api/suppliers/{Uri.EscapeDataString(supplierId)}/terms", saved.Terms),
            SupplierTermsResult.Saved saved => TypedResults.Ok(saved.Terms),
            SupplierTermsResult.Invalid errors => Problems.Validation(errors.Errors),
            SupplierTermsResult.UnknownSupplier => SuppliersFunctions.SupplierNotFound(supplierId),
            _ => Problems.ShopNotConfigured(),
        };
    }

    /// <summary><c>GET /api/suppliers/{supplierId}/terms</c>: the terms as saved, or 404.</summary>
    [Function("GetSupplierTerms")]
    [Tags("Purchasing")]
    [EndpointSummary("Read a supplier's terms as saved, with the day they took effect")]
    [ProducesResponseType<SupplierTermsView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSupplierTermsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/terms")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await terms.GetAsync(supplierId, cancellationToken) is { } view ? TypedResults.Ok(view) : NoTerms(supplierId);

    /// <summary>The 404 of a supplier without terms (or not registered).</summary>
    internal static IResult NoTerms(string supplierId) => Problems.NotFound($"Terms of supplier '{supplierId}'", "supplierId");
}
