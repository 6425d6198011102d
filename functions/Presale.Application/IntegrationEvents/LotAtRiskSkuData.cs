namespace Presale.Application.IntegrationEvents;

/// <summary>One SKU of a <c>supplier.lot-at-risk</c> event.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Orders">Orders of the SKU the latest plan pegs to the lot.</param>
/// <param name="Units">Their units.</param>
/// <param name="EarliestPromisedDate">The earliest date promised to one of those customers.</param>
/// <param name="EstimatedReadyDate">The new ETA plus the SKU's handling days: when those orders can now be ready.</param>
/// <param name="SlipDays">Days from the earliest promised date to the estimated ready date (at least 1).</param>
public sealed record LotAtRiskSkuData(string Sku, int Orders, long Units, DateOnly EarliestPromisedDate, DateOnly EstimatedReadyDate, int SlipDays);
