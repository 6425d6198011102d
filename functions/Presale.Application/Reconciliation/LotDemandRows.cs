using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Application.Reconciliation;

/// <summary>
/// Per lot and SKU, what the latest plan pegs to the lot: rows <c>demand|{lotId}|{sku}</c> in the supplier's partition
/// of the lots table, next to the lot itself, so the supplier's demand view is one partition read.
/// </summary>
internal static class LotDemandRows
{
    public const string Prefix = "demand|";

    public static string RowKey(string lotId, string sku) => Prefix + lotId + "|" + sku;

    public static TableEntity Entity(string supplierId, string lotId, string sku, long peggedUnits, int orderCount, DateOnly? earliestPromise, long planVersion, DateTimeOffset plannedAt) =>
        new(supplierId, RowKey(lotId, sku), new Dictionary<string, object?>
        {
            ["LotId"] = lotId,
            ["Sku"] = sku,
            ["PeggedUnits"] = peggedUnits,
            ["OrderCount"] = orderCount,
            ["EarliestPromise"] = earliestPromise?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["PlanVersion"] = planVersion,
            ["PlannedAt"] = plannedAt,
        });

    public static DateOnly? EarliestPromise(TableEntity entity) =>
        entity.GetString("EarliestPromise") is { Length: > 0 } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
}
