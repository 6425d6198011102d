namespace Presale.Functions.Host.Standalone;

/// <summary>How an invocation went: the failure, if the function threw.</summary>
/// <param name="InvocationId">The invocation's id, in its log scope.</param>
/// <param name="Failure">What the function threw; null when it succeeded.</param>
public sealed record InvocationOutcome(string InvocationId, Exception? Failure)
{
    /// <summary>The function returned: the trigger completes the message; a failure leaves it for redelivery.</summary>
    public bool Succeeded => Failure is null;
}
