using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Application.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// Operator routes of the supplier registry (<c>authLevel: function</c>): register and read suppliers, issue and rotate webhook secrets, read scorecards. Each handler only translates HTTP to the application services. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class SuppliersFunctions(SupplierRegistry supplierRegistry, IOptions<SuppliersOptions> suppliersOptions, SupplierScorecardQuery supplierScorecardQuery)
{
    [Function("CreateSupplier")]
    [Tags("Suppliers")]
    [EndpointSummary("Register a supplier")]
    [Consumes(typeof(CreateSupplierRequest), "application/json")]
    [ProducesResponseType<SupplierView>(StatusCodes.Status201Created, "application/json")]
    [JsonBodyProblems]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> CreateSupplierAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppliers")] HttpRequest req, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await JsonBody.ReadAsync<CreateSupplierRequest>(req, suppliersOptions.Value.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var result = await supplierRegistry.CreateAsync(body.Value!, cancellationToken);
        return result.Status switch
        {
            CreateSupplierStatus.Created => TypedResults.Created($"/api/suppliers/{Uri.EscapeDataString(result.Supplier!.Id)}", result.Supplier),
            CreateSupplierStatus.Invalid => Problems.Validation(result.Errors),
            _ => SupplierExists(body.Value!.Id!),
        };
    }

    [Function("GetSupplier")]
    [Tags("Suppliers")]
    [EndpointSummary("Read a supplier with its webhook secrets' status (never their values)")]
    [ProducesResponseType<SupplierView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSupplierAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        var supplier = await supplierRegistry.GetAsync(supplierId, cancellationToken);
        return supplier is null ? SupplierNotFound(supplierId) : TypedResults.Ok(supplier);
    }

    [Function("IssueSupplierWebhookSecret")]
    [Tags("Suppliers")]
    [EndpointSummary("Issue a webhook secret, shown this once")]
    [EndpointDescription("The new secret signs from now on; the previous one stays valid for the rotation overlap (Presale:Suppliers:SecretRotationOverlap). The answer is not cached.")]
    [ProducesResponseType<IssuedWebhookSecret>(StatusCodes.Status201Created, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> IssueSupplierWebhookSecretAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppliers/{supplierId}/webhook-secrets")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        var issued = await supplierRegistry.IssueSecretAsync(supplierId, cancellationToken);
        if (issued is null)
        {
            return SupplierNotFound(supplierId);
        }

        req.HttpContext.Response.Headers.CacheControl = "no-store";
        req.HttpContext.Response.Headers.Pragma = "no-cache";
        return TypedResults.Created((string?)null, issued);
    }

    [Function("EndSupplierWebhookSecretRotation")]
    [Tags("Suppliers")]
    [EndpointSummary("End a secret rotation early: only the current secret is accepted from now on")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> EndSupplierWebhookSecretRotationAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "suppliers/{supplierId}/webhook-secrets/previous")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        return await supplierRegistry.EndRotationAsync(supplierId, cancellationToken) switch
        {
            EndRotationStatus.Ended => TypedResults.NoContent(),
            EndRotationStatus.NoRotation => NoRotation(supplierId),
            _ => SupplierNotFound(supplierId),
        };
    }

    [Function("GetSupplierScorecard")]
    [Tags("Suppliers")]
    [EndpointSummary("The supplier's scorecard: on-time-in-full, slips, ETA changes, fill rate, grade")]
    [ProducesResponseType<SupplierScorecardView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetSupplierScorecardAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/scorecard")] HttpRequest req, string supplierId, CancellationToken cancellationToken)
    {
        var card = await supplierScorecardQuery.GetAsync(supplierId, cancellationToken);
        return card is null ? SupplierNotFound(supplierId) : TypedResults.Ok(card);
    }

    /// <summary>The 409 of a registration whose id is taken.</summary>
    internal static ProblemHttpResult SupplierExists(string supplierId) => Problems.Conflict(
        "supplier-exists",
        "A supplier with this id already exists.",
        $"Supplier '{supplierId}' is already registered; nothing was changed.",
        new Dictionary<string, object?> { ["field"] = "id" });

    /// <summary>The 404 of ending a rotation when none runs: only the current secret is accepted already.</summary>
    internal static ProblemHttpResult NoRotation(string supplierId) => TypedResults.Problem(
        detail: $"Supplier '{supplierId}' has no rotation running: only its current secret is accepted.",
        statusCode: StatusCodes.Status404NotFound,
        title: "No previous webhook secret is valid.",
        type: Problems.TypePrefix + "no-secret-rotation",
        extensions: new Dictionary<string, object?> { ["field"] = "supplierId" });

    /// <summary>The 404 of a route naming a supplier that is not registered.</summary>
    internal static ProblemHttpResult SupplierNotFound(string supplierId) => Problems.NotFound($"Supplier '{supplierId}'", "supplierId");
}
