using Presale.Application.Notifications;
using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.Notifications;

namespace Presale.Application.Tests.Notifications;

/// <summary>Composed notifications and messages for tests.</summary>
internal static class NotificationSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly NotificationComposer Composer = new();
    private static readonly NotificationContext Shop = new("en", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    public static NotificationMessage Confirmed(string orderId = "o-1", string customerId = "c-1", DateTimeOffset? at = null) =>
        NotificationMessage.From(Composer.OrderConfirmed(Shop, orderId, customerId, new DateOnly(2026, 6, 30)), at ?? Start);

    public static NotificationMessage Delayed(string orderId = "o-1", string customerId = "c-1", int delayNumber = 2, DateTimeOffset? at = null) =>
        NotificationMessage.From(
            Composer.Delayed(Shop, new DelayNotice(
                orderId, customerId, new DateOnly(2026, 6, 30), new DateOnly(2026, 8, 14), delayNumber,
                new DateTimeOffset(2026, 6, 25, 8, 0, 0, TimeSpan.Zero),
                new Uri("https://shop.example/api/orders/o-1/delay-consent?action=cancel&token=v1.c.c"),
                new Uri("https://shop.example/api/orders/o-1/delay-consent?action=accept&token=v1.a.a"))),
            at ?? Start);

    public static NotificationMessage Compensation(string orderId = "o-1", string customerId = "c-1", DateTimeOffset? at = null) =>
        NotificationMessage.From(
            Composer.CompensationIssued(Shop, new CompensationAward(
                orderId, customerId, 1, new DateOnly(2026, 7, 1), new Money(12.50m, "EUR"), CompensationKind.StoreCredit, CompensationAward.KeyFor(orderId, 1))),
            at ?? Start);
}
