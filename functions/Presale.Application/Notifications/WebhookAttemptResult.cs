namespace Presale.Application.Notifications;

/// <summary>The outcome of one POST to the shop's webhook.</summary>
/// <param name="Status">Delivered, transient failure or rejection.</param>
/// <param name="StatusCode">The receiver's HTTP status, when it answered.</param>
/// <param name="RetryAfter">The receiver's <c>Retry-After</c> (on 429 or 503), when it sent one.</param>
/// <param name="Error">What went wrong, for the delivery record and the dead-letter list; null when delivered.</param>
public sealed record WebhookAttemptResult(WebhookAttemptStatus Status, int? StatusCode, TimeSpan? RetryAfter, string? Error)
{
    /// <summary>A 2xx answer.</summary>
    public static WebhookAttemptResult Delivered(int statusCode) => new(WebhookAttemptStatus.Delivered, statusCode, null, null);
}
