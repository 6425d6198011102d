using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Functions.Composition;

namespace Presale.Functions.Apis;

/// <summary>
/// <c>GET /api/notifications/dead-letters</c> (operators, admin key): notifications whose webhook delivery was given
/// up, most recent first, with the reason, attempts, the receiver's last status and the notification itself.
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
            return TypedResults.ValidationProblem(errors, title: "The dead-letter request is not valid.");
        }

        var page = await deliveries.ListDeadLettersAsync(size, continuationToken, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(page, NotificationMessageSerializer.Options);
    }
}
