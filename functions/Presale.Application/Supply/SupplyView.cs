using Presale.Domain.Shop;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>A SKU's supply ledger and how much of it is reserved.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="OnHand">Units in the warehouse.</param>
/// <param name="Cap">Units sellable beyond confirmed supply.</param>
/// <param name="Inbound">Inbound lots still expected.</param>
/// <param name="Capacity">On hand + inbound + cap.</param>
/// <param name="Reserved">Units reserved by orders.</param>
/// <param name="Available">Units that can still be sold.</param>
/// <param name="Sequence">The supply sequence promises draw on, in order.</param>
public sealed record SupplyView(string Sku, int OnHand, int Cap, IReadOnlyList<InboundLotView> Inbound, long Capacity, long Reserved, long Available, IReadOnlyList<SupplySegmentView> Sequence)
{
    /// <summary>The view of <paramref name="state"/> as of <paramref name="now"/>.</summary>
    public static SupplyView From(SkuState state, ShopSettings shop, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(shop);
        var today = shop.LocalDate(now);
        var handling = state.Settings.EffectiveHandlingDays(shop);
        var sequence = state.Sequence(today);
        return new SupplyView(
            state.Settings.Sku.Value,
            state.Ledger.OnHand,
            state.Ledger.Cap,
            [.. state.Ledger.Lots.Select(l => new InboundLotView(l.SupplierId, l.LotId, l.PurchaseOrderReference, l.Quantity, l.Eta))],
            state.Ledger.Capacity,
            state.Reserved,
            state.Available(today),
            [.. sequence.Select(s => new SupplySegmentView(
                SupplySourceView.From(s.Source),
                s.Quantity,
                state.Shards.Sum(x => (long)x.Shard[s.Source.Key].Reserved),
                s.AvailableOn,
                PromiseCalculator.Promise(s, handling)))]);
    }
}
