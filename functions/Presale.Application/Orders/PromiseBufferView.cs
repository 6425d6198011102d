namespace Presale.Application.Orders;

/// <summary>The supplier-reliability buffer added to a lot-backed promise.</summary>
/// <param name="Days">Days added to the lot's date.</param>
/// <param name="Explanation">Why, in words (percentile, supplier, lots learned from).</param>
public sealed record PromiseBufferView(int Days, string Explanation);
