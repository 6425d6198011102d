namespace Presale.Application.Notifications;

/// <summary>One page of the dead-letter list, most recently dead-lettered first.</summary>
/// <param name="Items">The notifications.</param>
/// <param name="ContinuationToken">Pass it back for the next page; null on the last page.</param>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetteredNotification> Items, string? ContinuationToken);
