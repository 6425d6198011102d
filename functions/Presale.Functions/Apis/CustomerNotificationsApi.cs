using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;
using Presale.Domain.Common;
using Presale.Functions.Apis.Http;
using Presale.Functions.Composition;

namespace Presale.Functions.Apis;

/// <summary><c>GET /api/customers/{customerId}/notifications</c>: a customer's notification feed, newest first, paged.</summary>
public static class CustomerNotificationsApi
{
    /// <summary>Maps the feed route.</summary>
    public static IEndpointRouteBuilder MapCustomerNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/customers/{customerId}/notifications", GetFeedAsync)
            .WithName("GetCustomerNotifications")
            .WithTags("Notifications")
            .WithSummary("A customer's notification feed, newest first")
            .WithDescription("limit 1–100 (default 20); pass continuationToken from the previous page for older entries.")
            .Produces<NotificationFeedPage>()
            .ProducesValidationProblem();
        return endpoints;
    }

    /// <summary>
    /// One page of the feed: <c>limit</c> entries (1–100, default <see cref="NotificationsOptions.DefaultPageSize"/>)
    /// after <c>continuationToken</c>; 400 with problem details naming the field for a bad id, limit or token.
    /// </summary>
    public static async Task<Results<JsonHttpResult<NotificationFeedPage>, ValidationProblem>> GetFeedAsync(
        [FromRoute] string customerId,
        [FromQuery] string? limit,
        [FromQuery] string? continuationToken,
        [FromServices] NotificationFeed feed,
        [FromServices] IOptions<NotificationsOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Identifier.Validate(customerId, "customerId") is { } idError)
        {
            errors["customerId"] = [idError];
        }

        var (size, limitError) = NotificationsPaging.Limit(limit, options.Value.DefaultPageSize);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        if (continuationToken is not null && !NotificationFeed.IsValidContinuationToken(continuationToken))
        {
            errors["continuationToken"] = ["continuationToken is not a token this feed returned."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var page = await feed.ListAsync(customerId, size, continuationToken, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(page, NotificationMessageSerializer.Options);
    }
}
