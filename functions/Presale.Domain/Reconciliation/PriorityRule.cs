namespace Presale.Domain.Reconciliation;

/// <summary>The order in which open demand is served when supply is short.</summary>
public enum PriorityRule
{
    /// <summary>Customer tier first (Platinum before Standard), then placement time, then order id.</summary>
    TierThenOrderTime = 0,

    /// <summary>Strict first-come-first-served: placement time, then order id; the tier is ignored.</summary>
    FirstComeFirstServed = 1,
}
