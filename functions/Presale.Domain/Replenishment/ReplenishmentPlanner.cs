using System.Globalization;

namespace Presale.Domain.Replenishment;

/// <summary>
/// Decides whether and what to order for a SKU. Per supplier offering it, with its real lead time L: safety stock
/// SS = ⌈z × σ × √L⌉ (σ the deviation of daily demand), and the units to order are what brings the stock position
/// (on hand + inbound − reserved; negative when more is pre-sold than confirmed) up to ⌈demand per day × L⌉ + SS,
/// rounded up to the supplier's minimum and whole cases. The goods are needed by the earliest promise that has no
/// confirmed supply behind it less handling days, or by the day covered stock runs out at the current rate, whichever
/// comes first. The suggestion takes the cheapest supplier whose goods would arrive by then, else the one that would
/// arrive first, and says by when to order.
/// </summary>
public static class ReplenishmentPlanner
{
    /// <summary>The suggestion for <paramref name="facts"/> from <paramref name="offers"/>; null when nothing needs ordering (or no supplier offers the SKU).</summary>
    public static ReplenishmentSuggestion? Suggest(SkuReplenishmentFacts facts, IReadOnlyList<SupplierOffer> offers, ReplenishmentPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(offers);
        policy ??= ReplenishmentPolicy.Default;
        var needBy = NeedBy(facts);
        var options = offers
            .Where(o => o.Item.Sku == facts.Sku)
            .Select(o => Option(facts, o, needBy, policy))
            .Where(o => o is not null)
            .Select(o => o!)
            .OrderByDescending(o => o.KeepsPromises)
            .ThenBy(o => o.KeepsPromises ? o.UnitCost.Amount : 0m)
            .ThenBy(o => o.Arrival)
            .ThenBy(o => o.UnitCost.Amount)
            .ThenBy(o => o.SupplierId, StringComparer.Ordinal)
            .ToList();
        if (options.Count == 0)
        {
            return null;
        }

        var chosen = options[0];
        var day = facts.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new ReplenishmentSuggestion(
            $"{facts.Sku}|{chosen.SupplierId}|{day}",
            facts.Sku.Value,
            facts.Today,
            needBy,
            chosen,
            [.. options.Skip(1)],
            Explain(facts, chosen, needBy));
    }

    /// <summary>When goods must be in the warehouse, or null when no promise and no demand sets a date.</summary>
    public static DateOnly? NeedBy(SkuReplenishmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        DateOnly? promise = facts.Uncovered > 0 && facts.EarliestUncoveredPromise is { } earliest ? earliest.AddDays(-facts.HandlingDays) : null;
        DateOnly? stockOut = facts.Demand.UnitsPerDay > 0
            ? facts.Today.AddDays((int)Math.Min(3650, Math.Floor(Math.Max(0, facts.Position) / facts.Demand.UnitsPerDay)))
            : null;
        return (promise, stockOut) switch
        {
            ({ } p, { } s) => p < s ? p : s,
            ({ } p, null) => p,
            (null, { } s) => s,
            _ => null,
        };
    }

    private static ReplenishmentOption? Option(SkuReplenishmentFacts facts, SupplierOffer offer, DateOnly? needBy, ReplenishmentPolicy policy)
    {
        var lead = Math.Max(0, offer.LeadTime.Days);
        var safety = (long)Math.Ceiling(policy.ServiceLevelZ * facts.Demand.Deviation * Math.Sqrt(lead) - 1e-9);
        var target = (long)Math.Ceiling(facts.Demand.UnitsPerDay * lead - 1e-9) + Math.Max(0, safety);
        var need = target - facts.Position;
        if (need <= 0)
        {
            return null;
        }

        var quantity = offer.Item.OrderQuantity((int)Math.Min(need, int.MaxValue));
        var arrival = facts.Today.AddDays(lead);
        var orderBy = needBy is { } date && date.AddDays(-lead) > facts.Today ? date.AddDays(-lead) : facts.Today;
        return new ReplenishmentOption(
            offer.SupplierId, lead, offer.LeadTime.Basis, Math.Max(0, safety), quantity, offer.Item.UnitCost, orderBy, arrival,
            needBy is not { } by || arrival <= by);
    }

    private static string Explain(SkuReplenishmentFacts facts, ReplenishmentOption chosen, DateOnly? needBy)
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"Order {chosen.Quantity} units of {facts.Sku} from supplier {chosen.SupplierId} by {chosen.OrderBy:yyyy-MM-dd} to keep promises: ");
        text += string.Create(c, $"{facts.Reserved} reserved against {facts.OnHand} on hand and {facts.Inbound} inbound ({facts.Uncovered} without confirmed supply), ");
        text += string.Create(c, $"demand {facts.Demand.UnitsPerDay:0.##}/day (deviation {facts.Demand.Deviation:0.##}) over a {chosen.LeadTimeDays}-day lead time plus {chosen.SafetyStock} units of safety stock");
        if (needBy is { } date)
        {
            text += chosen.KeepsPromises
                ? string.Create(c, $"; goods needed by {date:yyyy-MM-dd}, arriving {chosen.Arrival:yyyy-MM-dd} if ordered today.")
                : string.Create(c, $"; goods needed by {date:yyyy-MM-dd} but the earliest arrival is {chosen.Arrival:yyyy-MM-dd}: promises before then are at risk.");
        }
        else
        {
            text += ".";
        }

        return text;
    }
}
