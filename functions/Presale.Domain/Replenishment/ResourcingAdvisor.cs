using System.Globalization;
using Presale.Domain.Common;

namespace Presale.Domain.Replenishment;

/// <summary>
/// Looks for another source when a lot slips: the orders waiting on the lot whose promise is more than
/// <c>toleranceDays</c> before the lot's ETA plus handling days are at risk; with at least <c>minimumOrders</c> of them,
/// every other supplier offering the SKU is tried at its real lead time, and one whose goods (ordered today) would still
/// be shipped by some of those promises is an option. The option saving the most orders wins (then the earliest
/// arrival, then the lowest cost).
/// </summary>
public static class ResourcingAdvisor
{
    /// <summary>The advice for lot <paramref name="lotId"/> of <paramref name="supplierId"/>, or null when no promise is at risk beyond the threshold or no other supplier could help.</summary>
    public static ResourcingAdvice? Assess(
        string supplierId, string lotId, Sku sku, DateOnly lotEta, int handlingDays, DateOnly today,
        IReadOnlyList<AtRiskOrder> waiting, IReadOnlyList<SupplierOffer> offers, int toleranceDays, int minimumOrders)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(offers);
        var ships = (lotEta < today ? today : lotEta).AddDays(handlingDays);
        var atRisk = waiting
            .Where(o => o.PromisedOn.AddDays(toleranceDays) < ships)
            .OrderBy(o => o.PromisedOn).ThenBy(o => o.OrderId, StringComparer.Ordinal).ThenBy(o => o.LineNumber)
            .ToList();
        if (atRisk.Count == 0 || atRisk.Count < minimumOrders)
        {
            return null;
        }

        var best = offers
            .Where(o => o.Item.Sku == sku && !string.Equals(o.SupplierId, supplierId, StringComparison.Ordinal))
            .Select(o =>
            {
                var arrival = today.AddDays(Math.Max(0, o.LeadTime.Days));
                var saved = atRisk.Where(a => arrival.AddDays(handlingDays) <= a.PromisedOn && arrival < lotEta).ToList();
                return new ResourcingOption(o.SupplierId, o.LeadTime.Days, arrival, o.Item.OrderQuantity(saved.Sum(s => s.Units)), o.Item.UnitCost, saved);
            })
            .Where(o => o.SavedOrders.Count > 0)
            .OrderByDescending(o => o.SavedOrders.Count)
            .ThenBy(o => o.Arrival)
            .ThenBy(o => o.UnitCost.Amount)
            .ThenBy(o => o.SupplierId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        var explanation = string.Create(c, $"Lot {lotId} of supplier {supplierId} now arrives {lotEta:yyyy-MM-dd}: {atRisk.Count} order lines of {sku} would miss their promise. ")
            + string.Create(c, $"Supplier {best.SupplierId} could deliver {best.Quantity} units by {best.Arrival:yyyy-MM-dd} ({best.LeadTimeDays}-day lead time, {best.UnitCost.Amount} {best.UnitCost.Currency} a unit), ")
            + string.Create(c, $"saving {best.SavedOrders.Count} of them: {string.Join(", ", best.SavedOrders.Take(20).Select(o => $"{o.OrderId} (promised {o.PromisedOn:yyyy-MM-dd})"))}")
            + (best.SavedOrders.Count > 20 ? string.Create(c, $" and {best.SavedOrders.Count - 20} more.") : ".");
        return new ResourcingAdvice(supplierId, lotId, sku.Value, lotEta, atRisk, best, explanation);
    }
}
