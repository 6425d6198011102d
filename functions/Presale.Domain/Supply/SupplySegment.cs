namespace Presale.Domain.Supply;

/// <summary>One stretch of a SKU's supply sequence: its source, how many units it holds and the date they are available.</summary>
/// <param name="Source">Which supply.</param>
/// <param name="Quantity">Units in this stretch.</param>
/// <param name="AvailableOn">The shop-local date the units can be handled from (today for on hand).</param>
public sealed record SupplySegment(SupplySource Source, int Quantity, DateOnly AvailableOn);
