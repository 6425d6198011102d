using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Presale.Application.Credits;
using Presale.Application.Notifications;
using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.Notifications;
using Presale.Functions.Features.Orders;

namespace Presale.Functions.Features.Notifications;

/// <summary>
/// Example bodies of the notification, credit and delay-consent routes, composed by the real
/// <see cref="NotificationComposer"/> for order <see cref="OrderSamples.OrderId"/>. The feed and dead-letter bodies are
/// written with <see cref="NotificationMessageSerializer.Options"/>, as the routes write them.
/// </summary>
internal static class NotificationSamples
{
    private static readonly NotificationContext Shop = new("en", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    private static readonly Notification Confirmed = new NotificationComposer().OrderConfirmed(Shop, OrderSamples.OrderId, "cust-4711", new DateOnly(2026, 3, 4));

    private static readonly Notification Ready = new NotificationComposer().ReadyToShip(Shop, OrderSamples.OrderId, "cust-4711", new DateOnly(2026, 3, 3));

    public static JsonNode Feed { get; } = JsonSerializer.SerializeToNode(
        new NotificationFeedPage(
            [new NotificationFeedEntry(Ready.DeduplicationKey, OrderSamples.Now.AddDays(1), Ready), new NotificationFeedEntry(Confirmed.DeduplicationKey, OrderSamples.Now, Confirmed)],
            FeedToken(OrderSamples.Now, Confirmed.DeduplicationKey)),
        NotificationMessageSerializer.Options)!;

    public static JsonNode DeadLetters { get; } = JsonSerializer.SerializeToNode(
        new DeadLetterPage(
            [new DeadLetteredNotification(Confirmed.DeduplicationKey, OrderSamples.Now.AddMinutes(42), "8 attempts failed; the last: HTTP 503: Service Unavailable", 8, 503, "HTTP 503: Service Unavailable", OrderSamples.Now, Confirmed)],
            null),
        NotificationMessageSerializer.Options)!;

    /// <summary>A dead-lettered notification queued again under a new message id (the retry count is part of it).</summary>
    public static DeadLetterRetryView Retried { get; } = new(Confirmed.DeduplicationKey, 1, Confirmed.DeduplicationKey + "|retry-1");

    public static CreditPage Credits { get; } = new(
        [new CreditRecord($"comp:{OrderSamples.OrderId}:1", "cust-4711", OrderSamples.OrderId, 1, new Money(5.00m, "EUR"), CompensationKind.Coupon, new DateOnly(2026, 3, 11), new DateTimeOffset(2026, 3, 11, 23, 5, 0, TimeSpan.Zero))],
        null);

    /// <summary>The token the feed hands out after <paramref name="key"/> created at <paramref name="createdAt"/> (its row key, base64url).</summary>
    private static string FeedToken(DateTimeOffset createdAt, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        NotificationFeed.EntryPrefix + (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + key));
}
