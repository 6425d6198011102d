using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Suppliers;

namespace Presale.Application.Purchasing;

/// <summary>Turns a validated <see cref="SupplierTermsRequest"/> into the domain's <see cref="SupplierTerms"/>.</summary>
internal static class SupplierTermsMapping
{
    public static SupplierTerms ToTerms(SupplierTermsRequest request)
    {
        var currency = request.Currency!.ToUpperInvariant();
        var chargebacks = request.Chargebacks!;
        var rebates = request.Rebates;
        return new SupplierTerms(
            currency,
            new PaymentTerms(request.PaymentTerms!.NetDays!.Value, request.PaymentTerms.Basis!.Value),
            new OnTimeWindow(request.OnTimeWindow!.DaysEarly!.Value, request.OnTimeWindow.DaysLate!.Value, request.OnTimeWindow.Reference!.Value),
            new ChargebackRates(chargebacks.LateUnits!.Value, chargebacks.ShortUnits!.Value, chargebacks.CancelledLine!.Value, chargebacks.WaiveAboveOnTimeRate),
            rebates is null
                ? RebateSchedule.None
                : new RebateSchedule(
                    rebates.ByGrade?.ToDictionary() ?? new Dictionary<SupplierGrade, decimal>(),
                    [.. (rebates.VolumeTiers ?? []).Select(t => new VolumeRebateTier(t.FromAmount!.Value, t.Rate!.Value))]),
            [.. (request.Catalogue ?? []).Select(i => new CatalogueItem(Sku.From(i.Sku!), new Money(i.UnitCost!.Value, currency), i.MinimumOrderQuantity ?? 1, i.PackSize ?? 1))]);
    }
}
