namespace Presale.Functions.Standalone;

/// <summary>Invokes a function the way the Functions host does: <c>POST /{FunctionName}</c> with a trigger payload.</summary>
public interface IFunctionInvoker
{
    /// <summary>Invokes <paramref name="functionName"/> with <paramref name="payload"/>; never throws for a non-2xx answer.</summary>
    Task<InvocationOutcome> InvokeAsync(string functionName, TriggerPayload payload, CancellationToken cancellationToken);
}
