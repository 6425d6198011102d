namespace Presale.Domain.Notifications;

/// <summary>Why an order was cancelled, as told to the customer.</summary>
public enum CancellationCause
{
    /// <summary>The customer asked to cancel (for example after a delay notice).</summary>
    CustomerRequest = 0,

    /// <summary>A delay needed the customer's express consent and none arrived by the deadline.</summary>
    NoConsentToDelay = 1,

    /// <summary>The shop cancelled the order.</summary>
    Shop = 2,
}
