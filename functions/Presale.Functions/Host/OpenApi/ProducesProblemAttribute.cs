using Microsoft.AspNetCore.Mvc;

namespace Presale.Functions.Host.OpenApi;

/// <summary>An answer with status <paramref name="statusCode"/> and an RFC 9457 problem body (<c>application/problem+json</c>).</summary>
/// <param name="statusCode">The status.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ProducesProblemAttribute(int statusCode)
    : ProducesResponseTypeAttribute(typeof(ProblemDetails), statusCode, "application/problem+json");
