namespace Presale.Domain.Notifications;

/// <summary>What a customer notification is about.</summary>
public enum NotificationKind
{
    /// <summary>The order was placed; carries the promised date.</summary>
    OrderConfirmed = 0,

    /// <summary>The promised date is at risk; nothing has changed yet.</summary>
    AtRisk = 1,

    /// <summary>The order is delayed: revised date, right to cancel for a full refund, consent and links.</summary>
    Delayed = 2,

    /// <summary>A coupon or store credit was issued for a late order.</summary>
    CompensationIssued = 3,

    /// <summary>The order is ready to ship.</summary>
    ReadyToShip = 4,

    /// <summary>The order was cancelled and is refunded in full.</summary>
    CancelledAndRefunded = 5,

    /// <summary>A return request was decided.</summary>
    ReturnDecided = 6,
}
