using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Notifications;

/// <summary>The HTTP functions of <see cref="CustomerNotificationsApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class CustomerNotificationsFunctions(NotificationFeed notificationFeed, IOptions<NotificationsOptions> notificationsOptions)
{
    [Function("GetCustomerNotifications")]
    [Tags("Notifications")]
    [EndpointSummary("A customer's notification feed, newest first")]
    [EndpointDescription("limit 1–100 (default 20); pass continuationToken from the previous page for older entries.")]
    [ProducesResponseType<NotificationFeedPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> GetCustomerNotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/notifications")] HttpRequest req, string customerId, string? limit, string? continuationToken, CancellationToken cancellationToken) =>
        await CustomerNotificationsApi.GetFeedAsync(customerId, limit, continuationToken, notificationFeed, notificationsOptions, cancellationToken);
}
