namespace Presale.Domain.Payments;

/// <summary>What dunning does next about an instalment whose charge failed.</summary>
public enum DunningAction
{
    /// <summary>Nothing: the instalment has not failed since its last capture.</summary>
    None,

    /// <summary>Charge again at the decision's time.</summary>
    Retry,

    /// <summary>No retries left: wait for the customer until the grace period ends at the decision's time.</summary>
    AwaitCustomer,

    /// <summary>The grace period is over: cancel the line (its units go to the orders waiting behind it).</summary>
    CancelLine,
}
