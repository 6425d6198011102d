namespace Presale.Domain.Purchasing;

/// <summary>Where a purchase order came from, and which suggestion when it came from one.</summary>
/// <param name="Origin">Manual or from a suggestion.</param>
/// <param name="Reference">The suggestion's id; null for a manual order.</param>
public sealed record PurchaseOrderSource(PurchaseOrderOrigin Origin, string? Reference = null)
{
    /// <summary>A manual order.</summary>
    public static PurchaseOrderSource Manual { get; } = new(PurchaseOrderOrigin.Manual);
}
