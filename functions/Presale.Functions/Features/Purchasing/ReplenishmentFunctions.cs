using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Replenishment;
using Presale.Domain.Common;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Replenishment (operators, function key): one SKU's assessment and suggestion, and the work list of every SKU with a
/// suggestion or a re-sourcing alert. A suggestion becomes a purchase order with <c>POST /api/purchase-orders</c>.
/// </summary>
public sealed class ReplenishmentFunctions(ReplenishmentQuery assessments, ReplenishmentWorklistQuery worklist)
{
    /// <summary><c>GET /api/skus/{sku}/replenishment</c>: supply, demand, need-by date and the suggestion; 400, 404 for an unknown SKU, 409 without shop settings.</summary>
    [Function("GetSkuReplenishment")]
    [Tags("Purchasing")]
    [EndpointSummary("A SKU's replenishment: stock position, demand rate, need-by date and what to order from whom by when")]
    [EndpointDescription("Suggestion is absent when nothing needs ordering or no supplier's catalogue offers the SKU. Safety stock ⌈z·σ·√L⌉ over each supplier's real lead time L; the cheapest supplier that arrives in time is chosen, else the earliest, the others are listed as alternatives.")]
    [ProducesResponseType<ReplenishmentView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetSkuReplenishmentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "skus/{sku}/replenishment")] HttpRequest req, string sku, CancellationToken cancellationToken) =>
        await assessments.AssessAsync(sku, cancellationToken) switch
        {
            ReplenishmentResult.Assessed assessed => TypedResults.Ok(assessed.View),
            ReplenishmentResult.Invalid errors => Problems.Validation(errors.Errors),
            ReplenishmentResult.UnknownSku => Problems.NotFound($"SKU {sku}", "sku"),
            _ => Problems.ShopNotConfigured(),
        };

    /// <summary><c>GET /api/replenishment/suggestions</c>: one page of the work list; 400 naming <c>limit</c> or <c>continuationToken</c>, 409 without shop settings.</summary>
    [Function("ListReplenishmentSuggestions")]
    [Tags("Purchasing")]
    [EndpointSummary("The replenishment work list: every SKU with a suggestion or an open re-sourcing alert, in SKU order")]
    [EndpointDescription("The candidates are the SKUs a supplier's catalogue offers; a page assesses up to limit of them (1–100, default 25), so it may hold fewer items than limit while continuationToken says more follow. Pass continuationToken for the next page.")]
    [ProducesResponseType<ReplenishmentWorklistPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> ListReplenishmentSuggestionsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "replenishment/suggestions")] HttpRequest req, string? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var size = ReplenishmentWorklistQuery.DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= ReplenishmentWorklistQuery.MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {ReplenishmentWorklistQuery.MaxLimit}."];
        }

        if (continuationToken is not null && !Sku.TryParse(continuationToken, out _, out _))
        {
            errors["continuationToken"] = ["continuationToken is not a token this list returned."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return await worklist.ListAsync(continuationToken, size, cancellationToken) switch
        {
            ReplenishmentWorklistResult.Listed listed => TypedResults.Ok(listed.Page),
            _ => Problems.ShopNotConfigured(),
        };
    }
}
