namespace Presale.Application.Purchasing;

/// <summary>A line the supplier accepts in an acknowledgement.</summary>
/// <param name="LineNumber">The purchase-order line (1-based).</param>
/// <param name="Quantity">Units it will deliver in all (1 … ordered; after its first acceptance, at most what it first accepted).</param>
/// <param name="Eta">When: a date (<c>2026-03-20</c>, the shop's calendar) or an instant (converted to the shop's date); today or later.</param>
public sealed record AcceptedLineRequest(int? LineNumber, int? Quantity, string? Eta);
