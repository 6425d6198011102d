namespace Presale.Application.Supply;

/// <summary>One stretch of a SKU's supply sequence with its reservations.</summary>
/// <param name="Source">Which supply.</param>
/// <param name="Quantity">Units in it.</param>
/// <param name="Reserved">Units of it reserved by orders.</param>
/// <param name="AvailableOn">When its units can be handled (shop-local date).</param>
/// <param name="PromiseDate">What a unit of it is promised (available date + handling days).</param>
public sealed record SupplySegmentView(SupplySourceView Source, int Quantity, long Reserved, DateOnly AvailableOn, DateOnly PromiseDate);
