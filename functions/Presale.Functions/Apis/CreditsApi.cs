using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Presale.Application.Credits;
using Presale.Domain.Common;
using Presale.Functions.Apis.Http;
using Presale.Functions.Composition;

namespace Presale.Functions.Apis;

/// <summary><c>GET /api/customers/{customerId}/credits</c>: the coupons and store credit issued to a customer, paged.</summary>
public static class CreditsApi
{
    /// <summary>The page size when <c>limit</c> is not given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>Maps the credits route.</summary>
    public static IEndpointRouteBuilder MapCreditsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/customers/{customerId}/credits", ListAsync)
            .WithName("GetCustomerCredits")
            .WithTags("Compensation")
            .WithSummary("A customer's coupons and store credit from delay compensation")
            .Produces<CreditPage>()
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<CreditPage>, ValidationProblem>> ListAsync(
        string customerId, [FromQuery] string? limit, [FromQuery] string? continuationToken, [FromServices] CreditStore credits, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Identifier.Validate(customerId, "customerId") is { } idError)
        {
            errors["customerId"] = [idError];
        }

        var (size, limitError) = NotificationsPaging.Limit(limit, DefaultPageSize);
        if (limitError is not null)
        {
            errors["limit"] = [limitError];
        }

        if (errors.Count == 0 && await credits.ListAsync(customerId, size, continuationToken, cancellationToken) is { } page)
        {
            return TypedResults.Ok(page);
        }

        if (errors.Count == 0)
        {
            errors["continuationToken"] = ["continuationToken is not a token this listing returned."];
        }

        return Problems.Validation(errors);
    }
}
