using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Notifications;

/// <summary>The HTTP functions of <see cref="NotificationDeadLettersApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class NotificationDeadLettersFunctions(NotificationDeliveryStore notificationDeliveryStore, IOptions<NotificationsOptions> notificationsOptions, DeadLetterRetryHandler deadLetterRetryHandler)
{
    [Function("ListNotificationDeadLetters")]
    [Tags("Notifications")]
    [EndpointSummary("Notifications the shop's webhook never accepted, most recent first")]
    [EndpointDescription("With the reason, attempts, the receiver's last status and the notification itself. limit 1–100; pass continuationToken for the next page. Admin key.")]
    [ProducesResponseType<DeadLetterPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> ListNotificationDeadLettersAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "notifications/dead-letters")] HttpRequest req, string? limit, string? continuationToken, CancellationToken cancellationToken) =>
        await NotificationDeadLettersApi.ListAsync(limit, continuationToken, notificationDeliveryStore, notificationsOptions, cancellationToken);

    [Function("RetryNotificationDeadLetter")]
    [Tags("Notifications")]
    [EndpointSummary("Send a dead-lettered notification again (URL-encode the key); still delivered at most once per key")]
    [ProducesResponseType<DeadLetterRetryView>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> RetryNotificationDeadLetterAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "notifications/dead-letters/{key}/retry")] HttpRequest req, string key, CancellationToken cancellationToken) =>
        await NotificationDeadLettersApi.RetryAsync(key, deadLetterRetryHandler, cancellationToken);
}
