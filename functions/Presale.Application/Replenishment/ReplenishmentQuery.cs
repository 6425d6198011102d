using Presale.Application.Common;
using Presale.Application.Shop;
using Presale.Domain.Common;
using Presale.Domain.Replenishment;

namespace Presale.Application.Replenishment;

/// <summary>
/// The replenishment suggestion of one SKU (what the operations console shows, and what a purchase order can be made
/// from): its supply and reservations (<see cref="SkuDemandReader"/>), the demand rate over
/// <see cref="ReplenishmentOptions.DemandLookbackDays"/>, the suppliers that offer it with their real lead times, and
/// <see cref="ReplenishmentPlanner"/>'s decision. Reads: the SKU's state and reservations (two range queries of its
/// partition), the SKU index (one range query) and per supplier its terms, its lots and its registry row.
/// </summary>
public sealed class ReplenishmentQuery(SkuDemandReader demand, SupplierOffers offers, ShopSettingsStore shops, ReplenishmentOptions options, TimeProvider timeProvider)
{
    /// <summary>Assesses <paramref name="sku"/>.</summary>
    public async Task<ReplenishmentResult> AssessAsync(string sku, CancellationToken cancellationToken)
    {
        if (!Sku.TryParse(sku, out var code, out var error))
        {
            return new ReplenishmentResult.Invalid(FieldErrors.Single("sku", error ?? "Not a SKU."));
        }

        if (await shops.GetAsync(cancellationToken).ConfigureAwait(false) is not { } shop)
        {
            return new ReplenishmentResult.ShopNotConfigured();
        }

        if (await demand.ReadAsync(code, shop, cancellationToken).ConfigureAwait(false) is not { } snapshot)
        {
            return new ReplenishmentResult.UnknownSku();
        }

        var today = shop.LocalDate(timeProvider.GetUtcNow());
        var rate = DemandRate.From(SkuDemandReader.DailyDemand(snapshot, shop, today, options.DemandLookbackDays));
        var ledger = snapshot.State.Ledger;
        var facts = new SkuReplenishmentFacts(code, today, ledger.OnHand, ledger.Inbound, snapshot.State.Reserved, snapshot.Uncovered, snapshot.EarliestUncoveredPromise, snapshot.HandlingDays, rate);
        var available = await offers.OfAsync(code, cancellationToken).ConfigureAwait(false);
        var suggestion = ReplenishmentPlanner.Suggest(facts, available, new ReplenishmentPolicy(options.ServiceLevelZ));
        return new ReplenishmentResult.Assessed(new ReplenishmentView(
            code.Value, today, facts.OnHand, facts.Inbound, facts.Reserved, facts.Uncovered, facts.EarliestUncoveredPromise,
            rate.UnitsPerDay, rate.Deviation, rate.Days, ReplenishmentPlanner.NeedBy(facts), suggestion,
            [.. available.Select(o => o.SupplierId)]));
    }
}
