using Microsoft.Extensions.Options;
using Presale.Adapters.Storage;

namespace Presale.Functions.Host.Http;

/// <summary>
/// Gives every request to an <c>/api</c> route the storage budget of <c>Presale:Storage:RequestBudget</c>: its storage
/// calls, retries included, end when the budget does, and the request answers 503 naming the service
/// (<see cref="RetryLaterExceptionHandler"/>) instead of hanging while storage does not answer. Timer and queue
/// functions, invoked outside <c>/api</c>, have no budget: their triggers retry them, and a sweep cut short helps no one.
/// </summary>
internal sealed class StorageBudgetMiddleware(RequestDelegate next, IOptions<StorageOptions> options, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        using (StorageBudget.Begin(options.Value.RequestBudget, time))
        {
            await next(context);
        }
    }
}
