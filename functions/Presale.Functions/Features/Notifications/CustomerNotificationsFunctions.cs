using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Domain.Common;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Notifications;

/// <summary>
/// <c>GET /api/customers/{customerId}/notifications</c>: a customer's notification feed, newest first, paged. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class CustomerNotificationsFunctions(NotificationFeed notificationFeed, IOptions<NotificationsOptions> notificationsOptions)
{
    [Function("GetCustomerNotifications")]
    [Tags("Notifications")]
    [EndpointSummary("A customer's notification feed, newest first")]
    [EndpointDescription("limit 1–100 (default 20); pass continuationToken from the previous page for older entries.")]
    [ProducesResponseType<NotificationFeedPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> GetCustomerNotificationsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/notifications")] HttpRequest req, string customerId, string? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Identifier.Validate(customerId, "customerId") is { } idError)
        {
            errors["customerId"] = [idError];
        }

        var (size, limitError) = NotificationsPaging.Limit(limit, notificationsOptions.Value.DefaultPageSize);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        if (continuationToken is not null && !NotificationFeed.IsValidContinuationToken(continuationToken))
        {
            errors["continuationToken"] = ["continuationToken is not a token this notificationFeed returned."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var page = await notificationFeed.ListAsync(customerId, size, continuationToken, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(page, NotificationMessageSerializer.Options);
    }
}
