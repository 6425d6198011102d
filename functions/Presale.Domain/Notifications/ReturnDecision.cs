namespace Presale.Domain.Notifications;

/// <summary>The outcome of a return request, as told to the customer.</summary>
public enum ReturnDecision
{
    /// <summary>Accepted; the customer is refunded (an amount is required).</summary>
    Refund = 0,

    /// <summary>Accepted; a replacement is sent.</summary>
    Replacement = 1,

    /// <summary>Accepted; store credit is issued (an amount is required).</summary>
    StoreCredit = 2,

    /// <summary>Not accepted.</summary>
    Rejected = 3,
}
