namespace Presale.Functions.Standalone;

/// <summary>How an invocation went, as the Functions host sees it: the status code and the body.</summary>
/// <param name="InvocationId">The id sent in <c>X-Azure-Functions-InvocationId</c>.</param>
/// <param name="StatusCode">The HTTP status the handler answered.</param>
/// <param name="Body">The response body.</param>
public sealed record InvocationOutcome(string InvocationId, int StatusCode, string Body)
{
    /// <summary>2xx: the host completes the message; anything else fails the invocation.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
