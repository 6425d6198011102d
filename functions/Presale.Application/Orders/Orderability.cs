using Presale.Application.Supply;
using Presale.Domain.Catalog;
using Presale.Domain.Shop;
using Presale.Domain.Suppliers;
using Presale.Domain.Supply;

namespace Presale.Application.Orders;

/// <summary>The SKU-dependent line rules (known SKU, pre-sale open, per-order maximum) and line availability, shared by orders and quotes.</summary>
internal static class Orderability
{
    public static void Check(int index, string sku, int quantity, SkuState? state, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var field = $"lines[{index}]";
        if (state is null)
        {
            errors[field + ".sku"] = [$"SKU {sku} is not known."];
            return;
        }

        var settings = state.Settings;
        string? saleError = settings.AvailabilityAt(now) switch
        {
            SaleAvailability.PreSaleOff => $"SKU {sku} is not on pre-sale.",
            SaleAvailability.NotStarted => $"The pre-sale of SKU {sku} opens at {settings.SaleFrom:O}.",
            SaleAvailability.Ended => $"The pre-sale of SKU {sku} ended at {settings.SaleTo:O}.",
            _ => null,
        };
        if (saleError is not null)
        {
            errors[field + ".sku"] = [saleError];
        }

        if (quantity > settings.MaxPerOrder)
        {
            errors[field + ".quantity"] = [$"At most {settings.MaxPerOrder} units of SKU {sku} per order."];
        }
    }

    /// <summary>
    /// Units of the SKU available now and the earliest date that could be promised for min(requested, available) of
    /// them, on the supply sequence with the suppliers' slip buffers (<paramref name="slips"/>): the same dates a
    /// reservation would promise.
    /// </summary>
    public static LineAvailability Availability(int lineNumber, string sku, int requested, SkuState state, ShopSettings shop, DateTimeOffset now, IReadOnlyDictionary<string, PromiseBuffer> slips)
    {
        var sequence = state.Sequence(shop.LocalDate(now), slips);
        var shards = state.AllocationShards;
        var (available, _) = SupplyAllocator.Availability(shards, sequence);
        var segment = SupplyAllocator.SegmentForUnits(shards, sequence, Math.Min(requested, available));
        return new LineAvailability(
            lineNumber,
            sku,
            requested,
            available,
            segment is null ? null : PromiseCalculator.Promise(segment, state.Settings.EffectiveHandlingDays(shop)),
            segment is null ? null : SupplySourceView.From(segment.Source));
    }
}
