namespace Presale.Application.Purchasing;

/// <summary>A line the supplier rejects in an acknowledgement (after accepting it: what is outstanding is cancelled).</summary>
/// <param name="LineNumber">The purchase-order line (1-based).</param>
/// <param name="Reason">Why (at most 500 characters).</param>
public sealed record RejectedLineRequest(int? LineNumber, string? Reason);
