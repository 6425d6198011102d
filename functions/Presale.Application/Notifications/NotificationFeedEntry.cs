using Presale.Domain.Notifications;

namespace Presale.Application.Notifications;

/// <summary>One notification in a customer's feed.</summary>
/// <param name="Id">The notification's de-duplication key (stable: the same event is the same entry).</param>
/// <param name="CreatedAt">When the producer created it; the feed is ordered by it, newest first.</param>
/// <param name="Notification">Text and structured fields.</param>
public sealed record NotificationFeedEntry(string Id, DateTimeOffset CreatedAt, Notification Notification);
