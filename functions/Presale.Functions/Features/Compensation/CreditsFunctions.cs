using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Credits;
using Presale.Domain.Common;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// <c>GET /api/customers/{customerId}/credits</c>: the coupons and store credit issued to a customer, paged. Each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.
/// </summary>
public sealed class CreditsFunctions(CreditStore creditStore)
{
    [Function("GetCustomerCredits")]
    [Tags("Compensation")]
    [EndpointSummary("A customer's coupons and store credit from delay compensation")]
    [ProducesResponseType<CreditPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> GetCustomerCreditsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/credits")] HttpRequest req, string customerId, string? limit, string? continuationToken, CancellationToken cancellationToken)
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

        if (errors.Count == 0 && await creditStore.ListAsync(customerId, size, continuationToken, cancellationToken) is { } page)
        {
            return TypedResults.Ok(page);
        }

        if (errors.Count == 0)
        {
            errors["continuationToken"] = ["continuationToken is not a token this listing returned."];
        }

        return Problems.Validation(errors);
    }

    /// <summary>The page size when <c>limit</c> is not given.</summary>
    public const int DefaultPageSize = 20;
}
