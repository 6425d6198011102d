namespace Presale.Application.Notifications;

/// <summary>One page of a customer's feed, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="ContinuationToken">Pass it back for the next (older) page; null on the last page.</param>
public sealed record NotificationFeedPage(IReadOnlyList<NotificationFeedEntry> Items, string? ContinuationToken);
