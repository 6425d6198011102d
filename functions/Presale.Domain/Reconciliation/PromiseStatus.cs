namespace Presale.Domain.Reconciliation;

/// <summary>Where an open order line stands against the date the customer was promised.</summary>
public enum PromiseStatus
{
    /// <summary>Backed by dated supply whose estimate is on or before the promise date.</summary>
    OnTrack = 0,

    /// <summary>The estimate is later than the promise, or the line hangs on undated supply (the pre-sale cap or nothing).</summary>
    AtRisk = 1,

    /// <summary>Fully covered by on-hand units, which are allocated to the order.</summary>
    ReadyToShip = 2,
}
