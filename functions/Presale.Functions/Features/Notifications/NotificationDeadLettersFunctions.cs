using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Application.Storage;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Notifications;

/// <summary>
/// <c>GET /api/notifications/dead-letters</c> (operators, admin key): notifications whose webhook delivery was given up, most recent first, with the reason, attempts, the receiver's last status and the notification itself; and <c>POST /api/notifications/dead-letters/{key}/retry</c>: send one again once its cause is fixed (202, with the retry's message id; 404 when no such dead letter; 409 when it is not dead-lettered). Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class NotificationDeadLettersFunctions(NotificationDeliveryStore notificationDeliveryStore, IOptions<NotificationsOptions> notificationsOptions, DeadLetterRetryHandler deadLetterRetryHandler)
{
    [Function("ListNotificationDeadLetters")]
    [Tags("Notifications")]
    [EndpointSummary("Notifications the shop's webhook never accepted, most recent first")]
    [EndpointDescription("With the reason, attempts, the receiver's last status and the notification itself. limit 1–100; pass continuationToken for the next page. Admin key.")]
    [ProducesResponseType<DeadLetterPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> ListNotificationDeadLettersAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "notifications/dead-letters")] HttpRequest req, string? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (size, limitError) = NotificationsPaging.Limit(limit, notificationsOptions.Value.DefaultPageSize);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        if (continuationToken is not null && !NotificationDeliveryStore.IsValidContinuationToken(continuationToken))
        {
            errors["continuationToken"] = ["continuationToken is not a token this list returned."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var page = await notificationDeliveryStore.ListDeadLettersAsync(size, continuationToken, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(page, NotificationMessageSerializer.Options);
    }

    [Function("RetryNotificationDeadLetter")]
    [Tags("Notifications")]
    [EndpointSummary("Send a dead-lettered notification again (URL-encode the key); still delivered at most once per key")]
    [ProducesResponseType<DeadLetterRetryView>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> RetryNotificationDeadLetterAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "notifications/dead-letters/{key}/retry")] HttpRequest req, string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > NotificationMessageSerializer.MaxDeduplicationKeyLength || TableKey.Validate(key) is not null)
        {
            return Problems.Validation(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["key"] = ["key must be a notification's de-duplication key (at most 400 characters, usable as a table key)."] });
        }

        return await deadLetterRetryHandler.RetryAsync(key, cancellationToken).ConfigureAwait(false) switch
        {
            DeadLetterRetryResult.Requeued requeued => TypedResults.Accepted(
                (string?)null, new DeadLetterRetryView(requeued.DeduplicationKey, requeued.Retries, requeued.MessageId)),
            DeadLetterRetryResult.NotFound => NotDeadLetteredAtAll(key),
            DeadLetterRetryResult.NotDeadLettered other => NotDeadLettered(key, other.Status.ToString().ToLowerInvariant()),
            var unknown => throw new InvalidOperationException($"Unknown retry result {unknown.GetType().Name}."),
        };
    }

    /// <summary>The 404 of a retry: no notification with that key was ever dead-lettered.</summary>
    internal static ProblemHttpResult NotDeadLetteredAtAll(string key) => TypedResults.Problem(
        $"No dead-lettered notification has the key '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found.",
        type: Problems.TypePrefix + "not-found", extensions: new Dictionary<string, object?> { ["field"] = "key" });

    /// <summary>
    /// The 409 of a retry: the notification is known but not dead-lettered (its delivery status as
    /// <c>deliveryStatus</c>: <c>status</c> is the problem's HTTP status).
    /// </summary>
    internal static ProblemHttpResult NotDeadLettered(string key, string deliveryStatus) => TypedResults.Problem(
        $"Notification '{key}' is {deliveryStatus}, not dead-lettered: nothing was sent.", statusCode: StatusCodes.Status409Conflict,
        title: "The notification is not dead-lettered.", type: Problems.TypePrefix + "notification-not-dead-lettered",
        extensions: new Dictionary<string, object?> { ["field"] = "key", ["deliveryStatus"] = deliveryStatus });
}
