namespace Presale.Functions.Features.Notifications;

/// <summary>A dead-lettered notification queued again.</summary>
/// <param name="DeduplicationKey">The notification's key.</param>
/// <param name="Retries">How many times it has been sent again.</param>
/// <param name="MessageId">The queue message id of this retry.</param>
public sealed record DeadLetterRetryView(string DeduplicationKey, int Retries, string MessageId);
