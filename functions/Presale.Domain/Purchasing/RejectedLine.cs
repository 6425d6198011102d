namespace Presale.Domain.Purchasing;

/// <summary>A line the supplier will not deliver (or no longer delivers: what is outstanding on it is cancelled).</summary>
/// <param name="LineNumber">The purchase-order line.</param>
/// <param name="Reason">Why, free text.</param>
public sealed record RejectedLine(int LineNumber, string? Reason);
