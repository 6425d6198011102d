namespace Presale.Application.Supply;

/// <summary>Why on-hand stock was adjusted.</summary>
public enum StockAdjustmentReason
{
    /// <summary>A stock count found a different quantity.</summary>
    Count,

    /// <summary>Goods were damaged and cannot be sold.</summary>
    Damaged,

    /// <summary>Goods were lost.</summary>
    Lost,

    /// <summary>Goods were found.</summary>
    Found,

    /// <summary>Goods arrived outside a registered lot.</summary>
    Delivery,

    /// <summary>An earlier adjustment was wrong.</summary>
    Correction,

    /// <summary>A returned unit was inspected fit to sell again and restocked.</summary>
    Return,
}
