using Presale.Application.DelayConsent;
using Presale.Functions.Features.Orders;

namespace Presale.Functions.Features.Compensation;

/// <summary>Example bodies of the delay-consent routes: order <see cref="OrderSamples.OrderId"/>'s lot slipped a week.</summary>
internal static class ConsentSamples
{
    public static DelayConsentRequest AcceptRequest { get; } = new("accept", 1);

    public static DelayConsentView Accepted { get; } = new(OrderSamples.OrderId, "accepted", new DateOnly(2026, 3, 29), null, null, null);

    public static DelayConsentView Cancelled { get; } = new(OrderSamples.OrderId, "cancelled", null, "customerCancelled", 258.00m, "EUR");

    /// <summary>The link page's form post: the signed token from the notice and the button pressed.</summary>
    public static ConsentLinkForm LinkForm { get; } = new("eyJvIjoibzdmM2E5YzJlMWQ0YjhmNjA1YSIsImQiOjEsImEiOlsiYWNjZXB0IiwiY2FuY2VsIl19.q2Yc8h0VvJ3kR1xW5tN7bL9sD4mA6fE2gH8jK0pZuQ", "accept");

    public static DelayConsentLinkView Link { get; } = new(OrderSamples.OrderId, ["accept", "cancel"], 1, new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
}
