using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Credits;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Compensation;

/// <summary>The HTTP functions of <see cref="CreditsApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class CreditsFunctions(CreditStore creditStore)
{
    [Function("GetCustomerCredits")]
    [Tags("Compensation")]
    [EndpointSummary("A customer's coupons and store credit from delay compensation")]
    [ProducesResponseType<CreditPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> GetCustomerCreditsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "customers/{customerId}/credits")] HttpRequest req, string customerId, string? limit, string? continuationToken, CancellationToken cancellationToken) =>
        await CreditsApi.ListAsync(customerId, limit, continuationToken, creditStore, cancellationToken);
}
