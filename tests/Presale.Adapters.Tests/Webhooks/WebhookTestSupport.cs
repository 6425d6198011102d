using Presale.Adapters.InMemory;
using Presale.Adapters.Webhooks;
using Presale.Application.Notifications;
using Presale.Domain.Notifications;
using Presale.Domain.Security;
using Presale.Testing;

namespace Presale.Adapters.Tests.Webhooks;

/// <summary>Messages, options and a wired delivery pipeline (real client, in-memory store) for webhook tests.</summary>
internal static class WebhookTestSupport
{
    public const string Secret = "whsec-local-test-secret-0123456789";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly NotificationComposer Composer = new();

    public static NotificationMessage Delayed(string orderId = "o-1", string customerId = "c-1") =>
        NotificationMessage.From(
            Composer.Delayed(
                new NotificationContext("zh-CN", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")),
                new DelayNotice(
                    orderId, customerId, new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 14), 1, null,
                    new Uri("https://shop.example/api/orders/o-1/delay-consent?action=cancel&token=v1.c.c"), null)),
            Start);

    public static NotificationsOptions Options(Uri url, int maxAttempts = 6, int perInvocation = 3) => new()
    {
        WebhookUrl = url.ToString(),
        WebhookSecret = Secret,
        Timeout = TimeSpan.FromSeconds(5),
        MaxAttempts = maxAttempts,
        AttemptsPerInvocation = perInvocation,
        DeliveryLease = TimeSpan.FromMinutes(1),
    };

    public static HttpClient Http() => new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public static WebhookSignatureResult Verify(LocalWebhookReceiver.Received request, DateTimeOffset now, string secret = Secret) =>
        new WebhookSignatureVerifier().Verify(
            request.Headers.GetValueOrDefault(WebhookSignature.HeaderName), request.Body, [secret], now);

    /// <summary>Handler, feed and delivery store over a fresh in-memory store, POSTing for real.</summary>
    public static Pipeline Wire(NotificationsOptions options, HttpClient http)
    {
        var store = new InMemoryTableStore();
        var time = new InstantDelayTimeProvider(Start);
        var feed = new NotificationFeed(store, options);
        var deliveries = new NotificationDeliveryStore(store, options);
        var client = new NotificationWebhookClient(http, options, time);
        return new Pipeline(new NotificationDeliveryHandler(feed, deliveries, client, options, time, new Random(11)), feed, deliveries, time);
    }

    /// <summary>Delivers like the queue does: redelivers after each failed invocation, up to <paramref name="maxDeliveries"/>.</summary>
    public static async Task<(NotificationDeliveryOutcome? Outcome, int Deliveries, NotificationDeliveryException? LastFailure)> DeliverLikeTheQueueAsync(
        NotificationDeliveryHandler handler, NotificationMessage message, int maxDeliveries, CancellationToken cancellationToken)
    {
        NotificationDeliveryException? last = null;
        for (var delivery = 1; delivery <= maxDeliveries; delivery++)
        {
            try
            {
                return (await handler.DeliverAsync(message, delivery, cancellationToken), delivery, last);
            }
            catch (NotificationDeliveryException exception)
            {
                last = exception;
            }
        }

        return (null, maxDeliveries, last);
    }

    public sealed record Pipeline(NotificationDeliveryHandler Handler, NotificationFeed Feed, NotificationDeliveryStore Deliveries, InstantDelayTimeProvider Time);
}
