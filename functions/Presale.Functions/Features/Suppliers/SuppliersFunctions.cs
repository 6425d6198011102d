using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Application.Suppliers;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Suppliers;

/// <summary>The HTTP functions of <see cref="SuppliersApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class SuppliersFunctions(SupplierRegistry supplierRegistry, IOptions<SuppliersOptions> suppliersOptions, SupplierScorecardQuery supplierScorecardQuery)
{
    [Function("CreateSupplier")]
    [Tags("Suppliers")]
    [EndpointSummary("Register a supplier")]
    [Consumes(typeof(CreateSupplierRequest), "application/json")]
    [ProducesResponseType<SupplierView>(StatusCodes.Status201Created, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> CreateSupplierAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppliers")] HttpRequest req, CancellationToken cancellationToken) =>
        await SuppliersApi.CreateSupplierAsync(req, supplierRegistry, suppliersOptions, cancellationToken);

    [Function("GetSupplier")]
    [Tags("Suppliers")]
    [EndpointSummary("Read a supplier with its webhook secrets' status (never their values)")]
    [ProducesResponseType<SupplierView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSupplierAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await SuppliersApi.GetSupplierAsync(supplierId, supplierRegistry, cancellationToken);

    [Function("IssueSupplierWebhookSecret")]
    [Tags("Suppliers")]
    [EndpointSummary("Issue a webhook secret, shown this once")]
    [EndpointDescription("The new secret signs from now on; the previous one stays valid for the rotation overlap (Presale:Suppliers:SecretRotationOverlap). The answer is not cached.")]
    [ProducesResponseType<IssuedWebhookSecret>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> IssueSupplierWebhookSecretAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppliers/{supplierId}/webhook-secrets")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await SuppliersApi.IssueWebhookSecretAsync(supplierId, req.HttpContext.Response, supplierRegistry, cancellationToken);

    [Function("EndSupplierWebhookSecretRotation")]
    [Tags("Suppliers")]
    [EndpointSummary("End a secret rotation early: only the current secret is accepted from now on")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> EndSupplierWebhookSecretRotationAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "suppliers/{supplierId}/webhook-secrets/previous")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await SuppliersApi.EndSecretRotationAsync(supplierId, supplierRegistry, cancellationToken);

    [Function("GetSupplierScorecard")]
    [Tags("Suppliers")]
    [EndpointSummary("The supplier's scorecard: on-time-in-full, slips, ETA changes, fill rate, grade")]
    [ProducesResponseType<SupplierScorecardView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSupplierScorecardAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/scorecard")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        await SuppliersApi.GetScorecardAsync(supplierId, supplierScorecardQuery, cancellationToken);
}
