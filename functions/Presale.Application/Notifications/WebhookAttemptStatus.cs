namespace Presale.Application.Notifications;

/// <summary>How one POST to the shop's webhook ended.</summary>
public enum WebhookAttemptStatus
{
    /// <summary>The receiver answered 2xx: it has the notification.</summary>
    Delivered = 0,

    /// <summary>Worth retrying: 5xx, 408, 429, a timeout or a connection failure.</summary>
    Transient = 1,

    /// <summary>Not worth retrying: any other answer (4xx, or a redirect, which is a misconfigured URL).</summary>
    Rejected = 2,
}
