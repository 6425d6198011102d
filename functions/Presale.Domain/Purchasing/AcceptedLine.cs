namespace Presale.Domain.Purchasing;

/// <summary>A line the supplier accepts: the units it will deliver in all, and when.</summary>
/// <param name="LineNumber">The purchase-order line.</param>
/// <param name="Quantity">Units it will deliver in all (1 … ordered; after the first acceptance, at most the units first accepted).</param>
/// <param name="Eta">Its ETA (shop-local date, today or later).</param>
public sealed record AcceptedLine(int LineNumber, int Quantity, DateOnly Eta);
