namespace Presale.Domain.Catalog;

/// <summary>Whether a SKU can be ordered at a given moment, and if not, why.</summary>
public enum SaleAvailability
{
    /// <summary>Pre-sale is on and the moment is inside the sale window.</summary>
    Open,

    /// <summary>Pre-sale is switched off for the SKU.</summary>
    PreSaleOff,

    /// <summary>The sale window has not started yet.</summary>
    NotStarted,

    /// <summary>The sale window has ended.</summary>
    Ended,
}
