namespace Presale.Domain.Purchasing;

/// <summary>Where a purchase order came from.</summary>
public enum PurchaseOrderOrigin
{
    /// <summary>An operator wrote it.</summary>
    Manual = 0,

    /// <summary>An operator took a replenishment suggestion.</summary>
    Suggestion = 1,
}
