using Microsoft.Azure.Functions.Worker;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.Keys;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Host.Admin;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with <c>{"input": "..."}</c>: runs a timer or queue function now, as the
/// Functions host's admin API does, and answers 202 at once. A timer gets the timer payload (no ScheduleStatus, not
/// past due) and runs when no other run of it is under way; a queue function gets <c>input</c> as the message body with fresh message metadata. The body
/// is read like every JSON body (<see cref="JsonBody"/>): strictly, refused with the same 400/413/415 problems. Standalone mode only:
/// callers must be on the loopback interface or send the admin key (<c>x-functions-key</c>).
/// </summary>
public static class AdminEndpoints
{
    // Room for the largest Storage queue message (64 KiB) written as a JSON string, escapes included.
    private const int MaxBodyBytes = 512 * 1024;

    /// <summary>Maps the admin API.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/functions/{name}", RunAsync)
            .AddEndpointFilter(async (context, next) =>
            {
                var guard = context.HttpContext.RequestServices.GetRequiredService<AccessGuard>();
                return guard.AllowsAdmin(context.HttpContext)
                    ? await next(context).ConfigureAwait(false)
                    : AccessGuard.Unauthorized("The admin API", "Presale:Host:AdminKey");
            })
            .WithName("RunFunction")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> RunAsync(string name, HttpContext context, FunctionCatalog catalog, ManualRunQueue queue)
    {
        var function = catalog.Find(name);
        if (function is null)
        {
            return Problems.NotFound($"A function named '{name}'", "name");
        }

        if (function.Trigger == TriggerKind.Http)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["name"] = [$"'{function.Name}' is an HTTP function, not run through the admin API: call it at /{function.HttpRoute}."],
            });
        }

        var body = await JsonBody.ReadAsync<ManualRunRequest>(context.Request, MaxBodyBytes, optional: true, context.RequestAborted).ConfigureAwait(false);
        if (body.Refusal is { } refusal)
        {
            return refusal;
        }

        var input = function.Trigger == TriggerKind.Timer
            ? TriggerInput.ForTimer(new TimerInfo { IsPastDue = false })
            : TriggerInput.ForMessage(body.Value?.Text ?? string.Empty, dequeueCount: 1);
        queue.Enqueue(new ManualRun(function.Name, function.Trigger, input));
        return Results.Accepted();
    }
}
