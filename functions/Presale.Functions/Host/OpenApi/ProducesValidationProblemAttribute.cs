using Microsoft.AspNetCore.Mvc;

namespace Presale.Functions.Host.OpenApi;

/// <summary>A 400 answer with a validation problem body (<c>errors</c> keyed by field) in <c>application/problem+json</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProducesValidationProblemAttribute()
    : ProducesResponseTypeAttribute(typeof(HttpValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json");
