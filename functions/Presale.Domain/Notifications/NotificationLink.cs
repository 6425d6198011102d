namespace Presale.Domain.Notifications;

/// <summary>A one-click action offered in a notification.</summary>
/// <param name="Rel">What the link does: <see cref="AcceptDelay"/> or <see cref="CancelOrder"/>.</param>
/// <param name="Href">The absolute URL, carrying its signed token.</param>
public sealed record NotificationLink(string Rel, Uri Href)
{
    /// <summary>Accepts the revised date of a delay.</summary>
    public const string AcceptDelay = "accept-delay";

    /// <summary>Cancels the order for a full refund.</summary>
    public const string CancelOrder = "cancel-order";
}
