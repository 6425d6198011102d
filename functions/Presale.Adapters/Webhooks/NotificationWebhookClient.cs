using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Presale.Application.Notifications;
using Presale.Domain.Security;

namespace Presale.Adapters.Webhooks;

/// <summary>
/// POSTs a notification to the shop's webhook (<see cref="NotificationsOptions.WebhookUrl"/>), signed with the shared
/// <see cref="WebhookSigner"/> over the exact body bytes, and classifies the answer: 2xx delivered; 408, 429, 5xx, a
/// timeout (<see cref="NotificationsOptions.Timeout"/>) or a connection failure transient; anything else (4xx,
/// redirects) rejected. The <see cref="HttpClient"/> must not follow redirects (a POST would turn into a GET).
/// </summary>
public sealed class NotificationWebhookClient : INotificationWebhook
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly NotificationsOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the client.</summary>
    public NotificationWebhookClient(HttpClient http, NotificationsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        (_http, _options, _time) = (http, options, time);
    }

    /// <inheritdoc />
    public async Task<WebhookAttemptResult> SendAsync(NotificationWebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = _options.WebhookUri ?? throw new InvalidOperationException($"{NotificationsOptions.SectionName}:WebhookUrl is not set.");
        var secrets = _options.SigningSecrets;
        if (secrets.Count == 0)
        {
            throw new InvalidOperationException($"{NotificationsOptions.SectionName}:WebhookSecret is not set.");
        }

        var payload = NotificationWebhookPayload.From(request.Message);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, NotificationMessageSerializer.Options);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var post = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        post.Headers.TryAddWithoutValidation(NotificationWebhookHeaders.Signature, WebhookSigner.Sign(body, _time.GetUtcNow(), secrets));
        post.Headers.TryAddWithoutValidation(NotificationWebhookHeaders.DeliveryId, request.DeliveryId);
        post.Headers.TryAddWithoutValidation(NotificationWebhookHeaders.Event, payload.Event);
        post.Headers.TryAddWithoutValidation(NotificationWebhookHeaders.IdempotencyKey, request.Message.DeduplicationKey);
        post.Headers.TryAddWithoutValidation("User-Agent", NotificationWebhookHeaders.UserAgent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _http.SendAsync(post, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return Classify(response);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(WebhookAttemptStatus.Transient, null, null,
                $"No answer within {_options.Timeout.TotalSeconds:0.###} s ({exception.GetType().Name}).");
        }
        catch (HttpRequestException exception)
        {
            return new WebhookAttemptResult(WebhookAttemptStatus.Transient, null, null,
                $"Connection failed: {exception.HttpRequestError}: {exception.Message}");
        }
    }

    private WebhookAttemptResult Classify(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return WebhookAttemptResult.Delivered(code);
        }

        var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? null : response.ReasonPhrase;
        var transient = code is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500;
        return transient
            ? new WebhookAttemptResult(WebhookAttemptStatus.Transient, code, RetryAfter(response), reason)
            : new WebhookAttemptResult(WebhookAttemptStatus.Rejected, code, null, reason);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
