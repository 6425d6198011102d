using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Application.Storage;
using Presale.Functions.Apis.Http;
using Presale.Functions.Composition;

namespace Presale.Functions.Apis;

/// <summary>
/// <c>GET /api/notifications/dead-letters</c> (operators, admin key): notifications whose webhook delivery was given
/// up, most recent first, with the reason, attempts, the receiver's last status and the notification itself; and
/// <c>POST /api/notifications/dead-letters/{key}/retry</c>: send one again once its cause is fixed (202, with the
/// retry's message id; 404 when no such dead letter; 409 when it is not dead-lettered).
/// </summary>
public static class NotificationDeadLettersApi
{
    /// <summary>Maps the dead-letter route.</summary>
    public static IEndpointRouteBuilder MapNotificationDeadLettersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/notifications/dead-letters", ListAsync)
            .WithName("ListNotificationDeadLetters")
            .WithTags("Notifications")
            .WithSummary("Notifications the shop's webhook never accepted, most recent first")
            .WithDescription("With the reason, attempts, the receiver's last status and the notification itself. limit 1–100; pass continuationToken for the next page. Admin key.")
            .Produces<DeadLetterPage>()
            .ProducesValidationProblem();
        endpoints.MapPost("/api/notifications/dead-letters/{key}/retry", RetryAsync)
            .WithName("RetryNotificationDeadLetter")
            .WithTags("Notifications")
            .WithSummary("Send a dead-lettered notification again (URL-encode the key); still delivered at most once per key")
            .Produces<DeadLetterRetryView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    /// <summary>One page: <c>limit</c> (1–100) after <c>continuationToken</c>; 400 naming the field when either is bad.</summary>
    public static async Task<Results<JsonHttpResult<DeadLetterPage>, ValidationProblem>> ListAsync(
        [FromQuery] string? limit,
        [FromQuery] string? continuationToken,
        [FromServices] NotificationDeliveryStore deliveries,
        [FromServices] IOptions<NotificationsOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (size, limitError) = NotificationsPaging.Limit(limit, options.Value.DefaultPageSize);
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

        var page = await deliveries.ListDeadLettersAsync(size, continuationToken, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(page, NotificationMessageSerializer.Options);
    }

    /// <summary>Resets the delivery of dead letter <paramref name="key"/> and queues it again through the outbox.</summary>
    public static async Task<Results<Accepted<DeadLetterRetryView>, ValidationProblem, ProblemHttpResult>> RetryAsync(
        string key,
        [FromServices] DeadLetterRetryHandler handler,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (string.IsNullOrEmpty(key) || key.Length > NotificationMessageSerializer.MaxDeduplicationKeyLength || TableKey.Validate(key) is not null)
        {
            return Problems.Validation(
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["key"] = ["key must be a notification's de-duplication key (at most 400 characters, usable as a table key)."] });
        }

        return await handler.RetryAsync(key, cancellationToken).ConfigureAwait(false) switch
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
