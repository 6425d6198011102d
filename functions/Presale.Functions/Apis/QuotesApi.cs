using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Orders;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>Quotes: the promise an order for a basket would get now, without reserving anything.</summary>
public static class QuotesApi
{
    /// <summary>Maps <c>POST /api/quotes</c>.</summary>
    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/quotes", QuoteAsync)
            .WithTags("Quotes")
            .WithName("QuoteBasket")
            .WithSummary("Quote promise dates for a basket")
            .WithDescription("Per line: the promise date (the shop's local date), the supply it comes from (on hand, a lot, or the cap) and the units available now. Nothing is reserved.")
            .Accepts<QuoteRequest>("application/json")
            .Produces<QuoteView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> QuoteAsync(HttpContext context, QuoteHandler handler, OrdersOptions options, CancellationToken cancellationToken)
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
