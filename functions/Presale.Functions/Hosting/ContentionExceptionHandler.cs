using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Presale.Application.Common;

namespace Presale.Functions.Hosting;

/// <summary>
/// Answers a request whose change gave up under contention (<see cref="ContentionException"/>) with 503 problem details
/// and <c>Retry-After</c>, instead of a 500: nothing is broken, and the same request (same Idempotency-Key) retried a
/// moment later is expected to succeed. Other exceptions are left to the default handler.
/// </summary>
public sealed partial class ContentionExceptionHandler(IProblemDetailsService problems, ILogger<ContentionExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds the client is asked to wait before retrying.</summary>
    public const int RetryAfterSeconds = 1;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not ContentionException contention)
        {
            return false;
        }

        LogContention(logger, httpContext.Request.Method, httpContext.Request.Path.Value ?? "/", contention.Attempts);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = Problem(contention.Attempts),
        });
    }

    /// <summary>The 503 answer to a change that gave up after <paramref name="attempts"/> attempts.</summary>
    public static ProblemDetails Problem(int attempts) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Type = "urn:presale:problem:contention",
        Title = "Too many concurrent changes.",
        Detail = $"The change met concurrent changes on each of {attempts} attempts. Send the same request again (with the same Idempotency-Key) after {RetryAfterSeconds} s.",
        Extensions = { ["retryAfterSeconds"] = RetryAfterSeconds },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} gave up after {Attempts} attempts under contention; answered 503.")]
    private static partial void LogContention(ILogger logger, string method, string path, int attempts);
}
