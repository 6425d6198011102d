using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Options;
using Presale.Adapters.Storage;

namespace Presale.Functions.Host.Http;

/// <summary>
/// Under the Functions host, what <see cref="StorageBudgetMiddleware"/> and <see cref="RetryLaterExceptionHandler"/> do in
/// standalone mode: an HTTP-triggered function runs within the storage budget of <c>Presale:Storage:RequestBudget</c>,
/// and a change that gave up under contention or storage that did not answer in time is answered 503 with
/// <c>Retry-After</c> on the request's <see cref="HttpContext"/> (ASP.NET Core integration), not a failed invocation
/// (500). Timer and queue functions run without a budget and their failures stay failures, for their triggers to retry.
/// </summary>
internal sealed class RetryLaterWorkerMiddleware(RetryLaterExceptionHandler handler, IOptions<StorageOptions> options, TimeProvider time) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        try
        {
            using (StorageBudget.Begin(options.Value.RequestBudget, time))
            {
                await next(context);
            }
        }
        catch (Exception e) when (RetryLaterExceptionHandler.Handles(e))
        {
            // Answered 503 on the request itself: the invocation succeeded in telling the client to retry.
            await handler.TryHandleAsync(http, e, http.RequestAborted);
        }
    }
}
