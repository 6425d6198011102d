namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>supplier.lot-at-risk</c> (schema <c>docs/events/supplier.lot-at-risk.v1.schema.json</c>).</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="LotId">The lot.</param>
/// <param name="PurchaseOrderReference">The shop's purchase order of the lot.</param>
/// <param name="SupplierEventId">The supplier's ETA update that moved the date.</param>
/// <param name="PreviousEta">The ETA before the update, shop-local.</param>
/// <param name="Eta">The new ETA, shop-local.</param>
/// <param name="Orders">Orders waiting on the lot for the SKUs at risk (an order counts once per SKU).</param>
/// <param name="Units">Their units waiting on the lot.</param>
/// <param name="WorstSlipDays">The most days a customer date slips: the largest <see cref="LotAtRiskSkuData.SlipDays"/>.</param>
/// <param name="Skus">Per SKU at risk, the demand on the lot and its slip.</param>
public sealed record LotAtRiskData(
    string SupplierId,
    string LotId,
    string PurchaseOrderReference,
    string SupplierEventId,
    DateOnly PreviousEta,
    DateOnly Eta,
    int Orders,
    long Units,
    int WorstSlipDays,
    IReadOnlyList<LotAtRiskSkuData> Skus);
