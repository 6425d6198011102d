namespace Presale.Domain.Reconciliation;

/// <summary>What a customer is told when re-planning moves their order line.</summary>
public enum PromiseNotificationKind
{
    /// <summary>The line now hangs on undated supply: the revised date is unknown.</summary>
    AtRisk = 0,

    /// <summary>The estimate is now a (new) date later than the promise: carries the revised date.</summary>
    Delayed = 1,

    /// <summary>The line was at risk and is now expected on or before its promise (or a date is known again).</summary>
    BackOnTrack = 2,

    /// <summary>The line is fully covered by on-hand units allocated to it.</summary>
    ReadyToShip = 3,
}
