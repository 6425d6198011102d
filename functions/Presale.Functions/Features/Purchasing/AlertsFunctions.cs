using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Alerts;
using Presale.Domain.Alerts;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Purchasing;

/// <summary>Open alerts for operators (function key): purchase orders nobody acknowledged, late lots another supplier could beat, SKUs to reorder.</summary>
public sealed class AlertsFunctions(AlertStore alerts)
{
    /// <summary>Alerts per page when the caller names no limit.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The most alerts per page.</summary>
    public const int MaxLimit = 100;

    /// <summary><c>GET /api/alerts</c>: one page of open alerts in key order; 400 naming <c>kind</c>, <c>limit</c> or <c>continuationToken</c>.</summary>
    [Function("ListAlerts")]
    [Tags("Purchasing")]
    [EndpointSummary("Open alerts, in key order: purchase orders not acknowledged in time, late lots with another source, SKUs below safety stock or pre-sold beyond supply")]
    [EndpointDescription("kind narrows to purchaseOrderUnacknowledged, resourcing, belowSafetyStock or preSoldBeyondSupply; limit 1–100 (default 50); pass continuationToken for the next page (it was issued for the same kind). An alert leaves the list when its condition is resolved (the order answered, the lot back on time or received, the SKU back above safety stock with every pre-sold unit covered); each raise and clear is also published as an integration event.")]
    [ProducesResponseType<AlertPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> ListAlertsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest req, string? kind, string? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var prefix = kind switch
        {
            null or "" => string.Empty,
            "purchaseOrderUnacknowledged" => AlertKey.UnacknowledgedPrefix,
            "resourcing" => AlertKey.ResourcingPrefix,
            "belowSafetyStock" => AlertKey.BelowSafetyStockPrefix,
            "preSoldBeyondSupply" => AlertKey.PreSoldBeyondSupplyPrefix,
            _ => null,
        };
        if (prefix is null)
        {
            errors["kind"] = ["kind must be purchaseOrderUnacknowledged, resourcing, belowSafetyStock or preSoldBeyondSupply."];
        }

        var size = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        }

        if (prefix is not null && continuationToken is not null && !AlertStore.IsValidContinuationToken(prefix, continuationToken))
        {
            errors["continuationToken"] = ["continuationToken is not a token this list returned for this kind."];
        }

        return errors.Count > 0
            ? Problems.Validation(errors)
            : TypedResults.Ok(await alerts.ListOpenAsync(prefix!, size, continuationToken, cancellationToken));
    }
}
