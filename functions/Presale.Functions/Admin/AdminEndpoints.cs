using System.Text.Json;
using Presale.Application.Messaging;
using Presale.Functions.Catalog;
using Presale.Functions.Hosting;
using Presale.Functions.Standalone;

namespace Presale.Functions.Admin;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with <c>{"input": "..."}</c>: runs a timer or queue function now, as the
/// Functions host's admin API does, and answers 202 at once. A timer gets the timer payload (no ScheduleStatus, not
/// past due) and runs when no other run of it is under way; a queue function gets <c>input</c> as the message body with fresh message metadata. Standalone mode only:
/// callers must be on the loopback interface or send the admin key (<c>x-functions-key</c>).
/// </summary>
public static class AdminEndpoints
{
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

    private static async Task<IResult> RunAsync(string name, HttpContext context, FunctionCatalog catalog, ManualRunQueue queue, TimeProvider time)
    {
        var function = catalog.Find(name);
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown function.", detail: $"No function.json declares '{name}'.");
        }

        if (function.Trigger == TriggerKind.Http)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "HTTP functions are not run through the admin API.",
                detail: $"Call '{function.Name}' at /{function.HttpRoute}.");
        }

        string? input;
        try
        {
            input = await ReadInputAsync(context).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed admin request.",
                detail: $"The body must be {{\"input\": \"...\"}}: {exception.Message}");
        }

        var now = time.GetUtcNow();
        var payload = function.Trigger == TriggerKind.Timer
            ? TriggerPayloads.Timer(function, status: null, isPastDue: false, now)
            : TriggerPayloads.ServiceBus(function, ManualMessage(input ?? string.Empty, now), now);
        queue.Enqueue(new ManualRun(function.Name, function.Trigger, payload));
        return Results.Accepted();
    }

    private static async Task<string?> ReadInputAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0)
        {
            return null;
        }

        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("expected a JSON object.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (string.Equals(property.Name, "input", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return null;
    }

    private static ReceivedMessage ManualMessage(string body, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString();
        return new ReceivedMessage(id, Guid.NewGuid().ToString(), DeliveryCount: 1, EnqueuedAt: now, ExpiresAt: null, MessageId: id, Body: body, CorrelationId: null, Subject: null);
    }
}
