namespace Presale.Functions.Host.Standalone;

/// <summary>Invokes a timer or queue function with its trigger input, as the Functions host does.</summary>
public interface IFunctionInvoker
{
    /// <summary>Invokes <paramref name="functionName"/> with <paramref name="input"/>; a function that throws is a failed outcome, not an exception.</summary>
    Task<InvocationOutcome> InvokeAsync(string functionName, TriggerInput input, CancellationToken cancellationToken);
}
