using System.Text.Json;
using Presale.Functions.Hosting;

namespace Presale.Functions.Invocation;

/// <summary>
/// <c>POST /{FunctionName}</c>: the custom-handler invocation contract. The body is <c>{Data, Metadata}</c>; the answer
/// <c>{Outputs, Logs, ReturnValue}</c> (200), 404 for a name with no <see cref="IFunction"/>, and 500 with a problem
/// body (its logs included) when the function throws, so the host retries and finally dead-letters.
/// </summary>
public static class InvocationEndpoints
{
    /// <summary>The header carrying the host's invocation id.</summary>
    public const string InvocationIdHeader = "X-Azure-Functions-InvocationId";

    private static readonly JsonSerializerOptions RequestOptions = new(JsonSerializerOptions.Web) { PropertyNameCaseInsensitive = true };

    /// <summary>Maps the invocation endpoint.</summary>
    public static IEndpointRouteBuilder MapInvocationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/{functionName}", InvokeAsync)
            .AddEndpointFilter(async (context, next) =>
            {
                var guard = context.HttpContext.RequestServices.GetRequiredService<AccessGuard>();
                return guard.AllowsAdmin(context.HttpContext)
                    ? await next(context).ConfigureAwait(false)
                    : AccessGuard.Unauthorized("Invoking a function", "Presale:Host:AdminKey");
            })
            .WithName("InvokeFunction")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(string functionName, HttpContext context, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Presale.Functions.Invocation");
        var function = context.RequestServices.GetServices<IFunction>()
            .FirstOrDefault(f => string.Equals(f.Name, functionName, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown function.",
                detail: $"No function named '{functionName}' is registered.");
        }

        var invocationId = context.Request.Headers.TryGetValue(InvocationIdHeader, out var header) && !string.IsNullOrWhiteSpace(header)
            ? header.ToString()
            : Guid.NewGuid().ToString();

        InvocationRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<InvocationRequest>(context.Request.Body, RequestOptions, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed invocation request.",
                detail: $"The body must be {{\"Data\": {{...}}, \"Metadata\": {{...}}}}: {exception.Message}");
        }

        var invocation = new FunctionInvocation(function.Name, invocationId, request?.Data ?? new Dictionary<string, JsonElement>(), request?.Metadata ?? new Dictionary<string, JsonElement>());
        using var capture = InvocationLogCapture.Begin();
        using (logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = invocationId, ["FunctionName"] = function.Name }))
        {
            try
            {
                logger.LogInformation("Executing {FunctionName} (invocation {InvocationId})", function.Name, invocationId);
                await function.InvokeAsync(invocation, context.RequestAborted).ConfigureAwait(false);
                logger.LogInformation("Executed {FunctionName} (invocation {InvocationId})", function.Name, invocationId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
            {
                // The failure is the answer: a non-2xx status makes the host retry or dead-letter.
                logger.LogError(exception, "{FunctionName} failed (invocation {InvocationId})", function.Name, invocationId);
                return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: $"Function '{function.Name}' failed.",
                    detail: $"{exception.GetType().Name}: {exception.Message}",
                    extensions: new Dictionary<string, object?> { ["invocationId"] = invocationId, ["Logs"] = capture.Lines });
            }
        }

        return Results.Json(new InvocationResponse(invocation.Outputs, capture.Lines, invocation.ReturnValue), JsonSerializerOptions.Web);
    }
}
