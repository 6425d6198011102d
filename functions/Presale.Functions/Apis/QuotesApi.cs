using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>Quotes: the promise an order for a basket would get now, without reserving anything.</summary>
public static class QuotesApi
{
    internal static async Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> QuoteAsync(HttpContext context, QuoteHandler handler, OrdersOptions options, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<QuoteRequest>(context.Request, options.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        return await handler.QuoteAsync(body.Value!, cancellationToken) switch
        {
            QuoteResult.Quoted quoted => TypedResults.Ok(quoted.Quote),
            QuoteResult.Invalid rejected => Problems.Validation(rejected.Errors),
            _ => Problems.ShopNotConfigured(),
        };
    }
}
