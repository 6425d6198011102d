using Microsoft.AspNetCore.Http.HttpResults;

namespace Presale.Functions.Host.Http;

/// <summary>A request body read by <see cref="JsonBody"/>: its value, or a 400 (<paramref name="Invalid"/>), or another refusal (413, 415).</summary>
/// <param name="Value">The body.</param>
/// <param name="Invalid">The 400 answer when the body is malformed.</param>
/// <param name="Refused">The 413 or 415 answer.</param>
internal sealed record JsonBodyResult<T>(T? Value, ValidationProblem? Invalid, ProblemHttpResult? Refused)
    where T : class
{
    /// <summary>The answer that refuses the body (400, 413 or 415), or null when <see cref="Value"/> is the body.</summary>
    public IResult? Refusal => (IResult?)Invalid ?? Refused;
}
