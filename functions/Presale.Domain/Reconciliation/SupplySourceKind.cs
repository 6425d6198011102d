namespace Presale.Domain.Reconciliation;

/// <summary>The kinds of supply a unit of demand can be pegged to, in the order they are consumed.</summary>
public enum SupplySourceKind
{
    /// <summary>Units on the shelf.</summary>
    OnHand = 0,

    /// <summary>An inbound lot with a supplier ETA.</summary>
    Lot = 1,

    /// <summary>The pre-sale cap: units sold beyond confirmed supply, with no date yet.</summary>
    PreSaleCap = 2,

    /// <summary>Demand beyond on hand, every lot and the cap (for example after a lot was cancelled): oversold.</summary>
    Unsupplied = 3,
}
