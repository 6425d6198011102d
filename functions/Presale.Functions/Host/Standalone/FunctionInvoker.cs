using Microsoft.Azure.Functions.Worker;
using Presale.Functions.Host.Catalog;
using FunctionDefinition = Presale.Functions.Host.Catalog.FunctionDefinition;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Standalone mode's invocation of timer and queue functions: one service scope per invocation, the function's class
/// created in it, its parameters bound from the trigger input as the worker binds them (<see cref="TimerInfo"/>, the
/// message string, <c>dequeueCount</c>, the cancellation token), and a thrown exception logged and returned as the
/// failed outcome, so the trigger retries or moves the message to the poison queue as the host would.
/// </summary>
public sealed partial class FunctionInvoker(FunctionCatalog catalog, IServiceScopeFactory scopes, ILogger<FunctionInvoker> logger) : IFunctionInvoker
{
    /// <inheritdoc />
    public async Task<InvocationOutcome> InvokeAsync(string functionName, TriggerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var definition = catalog.Find(functionName) ?? throw new ArgumentException($"No function named '{functionName}' is declared.", nameof(functionName));
        var method = catalog.Method(definition);
        var invocationId = Guid.NewGuid().ToString();
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = invocationId, ["FunctionName"] = definition.Name });
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            LogExecuting(logger, definition.Name, invocationId);
            await method.InvokeAsync(scope.ServiceProvider, p => Bind(definition, p, input, cancellationToken)).ConfigureAwait(false);
            LogExecuted(logger, definition.Name, invocationId);
            return new InvocationOutcome(invocationId, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The failure is the outcome: the trigger decides whether to run again.
            LogFailed(logger, exception, definition.Name, invocationId);
            return new InvocationOutcome(invocationId, exception);
        }
    }

    private static object? Bind(FunctionDefinition definition, System.Reflection.ParameterInfo parameter, TriggerInput input, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (type == typeof(TimerInfo))
        {
            return input.Timer ?? throw new InvalidOperationException($"{definition.Name} is a timer function but was invoked without timer input.");
        }

        if (type == typeof(long))
        {
            return input.DequeueCount;
        }

        return input.Message ?? throw new InvalidOperationException($"{definition.Name} is a queue function but was invoked without a message.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executing {FunctionName} (invocation {InvocationId})")]
    private static partial void LogExecuting(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed {FunctionName} (invocation {InvocationId})")]
    private static partial void LogExecuted(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} failed (invocation {InvocationId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string functionName, string invocationId);
}
