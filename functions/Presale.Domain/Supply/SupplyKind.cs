namespace Presale.Domain.Supply;

/// <summary>Where a unit of sellable supply comes from, in the order a promise draws on it.</summary>
public enum SupplyKind
{
    /// <summary>Goods in the warehouse now.</summary>
    OnHand,

    /// <summary>Goods on an inbound lot from a supplier, expected at its ETA.</summary>
    Lot,

    /// <summary>The pre-sale cap: units sold beyond confirmed supply, promised after the last confirmed supply.</summary>
    Cap,

    /// <summary>
    /// Units still reserved by orders after their supply went away (a lot cancelled or short-shipped with nothing free
    /// to move them to). Never sold: it is not part of the supply sequence; reconciliation shrinks it as supply returns.
    /// </summary>
    Shortfall,
}
