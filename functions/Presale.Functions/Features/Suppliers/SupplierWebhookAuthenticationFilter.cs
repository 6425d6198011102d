using Microsoft.Extensions.Options;
using Presale.Application.Security;
using Presale.Application.Suppliers;
using Presale.Domain.Security;
using Presale.Functions.Host.Http;

namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// The check every supplier webhook function (<see cref="SupplierSignatureAttribute"/>) runs before its handler:
/// buffers the raw body (at most <see cref="SuppliersOptions.MaxWebhookBodyBytes"/>, else 413), authenticates it with
/// <see cref="SupplierWebhookAuthenticator"/> and answers 401 problem details naming the failure before the handler
/// runs. An unknown supplier or one without a secret gets the same 401 as a wrong signature, so the route does not
/// reveal which supplier ids exist; the log says which it was. On success the handler reads the verified body with
/// <see cref="SupplierWebhookAuthenticationExtensions.GetVerifiedSupplierWebhook"/>.
/// </summary>
public sealed partial class SupplierWebhookAuthenticationFilter(
    SupplierWebhookAuthenticator authenticator,
    IOptions<SuppliersOptions> options,
    ILogger<SupplierWebhookAuthenticationFilter> logger)
{
    /// <summary>The route parameter naming the supplier.</summary>
    public const string SupplierIdRouteValue = "supplierId";

    /// <summary>
    /// Verifies the request's signature against the supplier named by the route's <c>{supplierId}</c>: null when it is
    /// valid (the verified body is then on the request, <see cref="SupplierWebhookAuthenticationExtensions.GetVerifiedSupplierWebhook"/>),
    /// otherwise the 401 or 413 problem to answer with.
    /// </summary>
    public async Task<IResult?> VerifyAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.RouteValues[SupplierIdRouteValue] is not string supplierId)
        {
            throw new InvalidOperationException(
                $"Route '{http.GetEndpoint()?.DisplayName}' requires a supplier signature but has no {{{SupplierIdRouteValue}}} parameter.");
        }

        var limit = options.Value.MaxWebhookBodyBytes;
        var body = await ReadBodyAsync(http.Request, limit, http.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(limit);
        }

        var header = http.Request.Headers[WebhookSignature.HeaderName].ToString();
        var result = await authenticator.AuthenticateAsync(supplierId, header, body, http.RequestAborted);
        if (result.IsVerified)
        {
            if (result.Webhook!.MatchedSecret == WebhookSecretSlot.Previous)
            {
                LogPreviousSecret(supplierId);
            }

            http.Features.Set(result.Webhook);
            return null;
        }

        LogRejected(supplierId, result.Status);
        http.Response.Headers.WWWAuthenticate = WebhookSignature.HeaderName;
        return Unauthorized(result.Status, options.Value.WebhookReplayWindow);
    }

    /// <summary>The 401 problem for a failed check; unknown supplier and missing secret look exactly like a mismatch.</summary>
    internal static IResult Unauthorized(SupplierWebhookStatus status, TimeSpan window)
    {
        var minutes = window.TotalMinutes.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        var (code, title, detail) = status switch
        {
            SupplierWebhookStatus.MissingSignature => ("signature-missing", "The webhook signature is missing.",
                $"Send the {WebhookSignature.HeaderName} header: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" under your webhook secret>."),
            SupplierWebhookStatus.MalformedSignature => ("signature-malformed", "The webhook signature is malformed.",
                $"The {WebhookSignature.HeaderName} header must be t=<unix seconds>,v1=<64 lower-case hex digits> (more v1 entries allowed)."),
            SupplierWebhookStatus.Expired => ("signature-expired", "The webhook signature has expired.",
                $"The {WebhookSignature.HeaderName} header's timestamp t is more than {minutes} minutes old: sign each delivery (and each retry) with the current time."),
            SupplierWebhookStatus.FutureTimestamp => ("signature-timestamp-in-future", "The webhook signature's timestamp is in the future.",
                $"The {WebhookSignature.HeaderName} header's timestamp t is more than {minutes} minutes ahead of the receiver's clock: check the sender's clock."),
            _ => ("signature-mismatch", "The webhook signature does not match.",
                $"No v1 signature of the {WebhookSignature.HeaderName} header matches a webhook secret of this supplier valid now: check the secret, and sign the raw body bytes exactly as sent."),
        };
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: title,
            detail: detail,
            type: Problems.TypePrefix + code,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["header"] = WebhookSignature.HeaderName });
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = new byte[request.ContentLength is { } length ? (int)length : Math.Min(limit, 4096)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    return null;
                }

                // Grow up to limit + 1, so one byte too many is detected without reading the rest.
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total > limit ? null : buffer[..total];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Supplier webhook for {SupplierId} rejected: {Status}.")]
    private partial void LogRejected(string supplierId, SupplierWebhookStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Supplier {SupplierId} signed with its previous webhook secret; the rotation overlap is still running.")]
    private partial void LogPreviousSecret(string supplierId);
}
