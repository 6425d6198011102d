using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Kpis;
using Presale.Application.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// The KPI routes: the shop's, a SKU's, a supplier's and a customer's figures from the snapshot the
/// <see cref="ComputeKpis"/> timer writes (formulas in docs/kpis.md). Periods are shop-local days, <c>from</c> and
/// <c>to</c> included.
/// </summary>
public sealed class KpisFunctions(KpiQuery query)
{
    [Function("GetKpis")]
    [Tags("KPIs")]
    [EndpointSummary("The shop's KPIs over a period: turnover, days of supply, promise accuracy, returns, compensation, retention, lifetime value, RFM segments")]
    [EndpointDescription("`from` and `to` are shop-local dates (yyyy-MM-dd), both included; `to` defaults to the last snapshot's today and `from` to 30 days ending with `to` (Presale:Kpis:DefaultRangeDays); a period spans at most Presale:Kpis:MaxRangeDays (366). Figures come from the snapshot the ComputeKpis timer writes; `computedAt` says when it read the data.")]
    [ProducesResponseType<ShopKpisView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetKpisAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "kpis")] HttpRequest req, string? from, string? to, CancellationToken cancellationToken) =>
        Answer(await query.ShopAsync(from, to, cancellationToken), "The shop", "shop");

    [Function("GetSkuKpis")]
    [Tags("KPIs")]
    [EndpointSummary("A SKU's KPIs over a period: units, cost of goods sold, turnover, days of supply, return rate by reason")]
    [ProducesResponseType<SkuKpisView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetSkuKpisAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "kpis/skus/{sku}")] HttpRequest req, string sku, string? from, string? to, CancellationToken cancellationToken) =>
        Answer(await query.SkuAsync(sku, from, to, cancellationToken), $"SKU {sku} in the KPI snapshot", "sku");

    [Function("GetSupplierKpis")]
    [Tags("KPIs")]
    [EndpointSummary("A supplier's on-time-in-full against its first ETAs, slips and grade, as of the last snapshot")]
    [ProducesResponseType<SupplierScorecardView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetSupplierKpisAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "kpis/suppliers/{supplierId}")] HttpRequest req, string supplierId, CancellationToken cancellationToken) =>
        Answer(await query.SupplierAsync(supplierId, cancellationToken), $"Supplier {supplierId} in the KPI snapshot", "supplierId");

    [Function("GetCustomerKpis")]
    [Tags("KPIs")]
    [EndpointSummary("A customer's orders, average order value, RFM scores and segment, and lifetime value, as of the last snapshot")]
    [ProducesResponseType<CustomerKpis>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetCustomerKpisAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "kpis/customers/{customerId}")] HttpRequest req, string customerId, CancellationToken cancellationToken) =>
        Answer(await query.CustomerAsync(customerId, cancellationToken), $"Customer {customerId} in the KPI snapshot", "customerId");

    /// <summary>The 409 while no snapshot exists yet.</summary>
    internal static ProblemHttpResult NotComputed() => Problems.Conflict(
        "kpis-not-computed",
        "No KPI snapshot has been computed yet.",
        "The ComputeKpis timer writes the snapshot on its schedule (ComputeKpisSchedule); in standalone mode POST /admin/functions/ComputeKpis runs it now.");

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(KpiResult<T> result, string what, string field) => result switch
    {
        KpiResult<T>.Found found => TypedResults.Ok(found.View),
        KpiResult<T>.Invalid invalid => Problems.Validation(invalid.Errors),
        KpiResult<T>.NotFound => Problems.NotFound(what, field),
        KpiResult<T>.NotComputed => NotComputed(),
        _ => throw new InvalidOperationException($"Unknown KPI result {result.GetType().Name}."),
    };
}
