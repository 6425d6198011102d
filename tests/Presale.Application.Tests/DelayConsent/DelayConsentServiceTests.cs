using Presale.Application.DelayConsent;
using Presale.Application.Tests.Compensation;
using Presale.Domain.Compensation;
using Presale.Domain.DelayConsent;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;

namespace Presale.Application.Tests.DelayConsent;

public sealed class DelayConsentServiceTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordDelay_ShortFirstDelay_IsAcceptedBySilence_AndOnlyACancelLinkIsOffered()
    {
        var (h, order) = await PlacedAsync();
        var notice = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(10), Ct);

        Assert.Equal(NotificationKind.Delayed, notice.Kind);
        Assert.False(notice.ConsentRequired);
        Assert.Equal([NotificationLink.CancelOrder], notice.Links.Select(l => l.Rel));
        Assert.Equal(DelayConsentStatus.Delayed, (await h.Consents.GetAsync(order.OrderId, Ct))!.Case.Status);
        Assert.Contains(h.Notices(), n => n.DeduplicationKey == notice.DeduplicationKey);

        // Silence: the expiry sweep long after leaves the order alone.
        h.Time.Advance(TimeSpan.FromDays(40));
        var swept = await h.Expiry.RunAsync(Ct);
        Assert.Equal((0, 0, 0, 0), (swept.Expired, swept.Finished, swept.Published, swept.Failed));
        Assert.Equal(OrderStatus.Confirmed, (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order.Status);
    }

    [Fact]
    public async Task RecordDelay_SameRevisedDateTwice_ReturnsTheSameNoticeAndRecordsOneDelay()
    {
        var (h, order) = await PlacedAsync();
        var first = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(45), Ct);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(45), Ct);

        Assert.Equal(first.DeduplicationKey, again.DeduplicationKey);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(1, (await h.Consents.GetAsync(order.OrderId, Ct))!.Case.DelayCount);
    }

    [Fact]
    public async Task LongDelay_AcceptedThroughTheSignedLink_MakesTheRevisedDateThePromise()
    {
        var (h, order) = await PlacedAsync();
        var revised = order.OriginalPromise.AddDays(45);
        var notice = await h.Service.RecordDelayAsync(order, revised, Ct);
        Assert.True(notice.ConsentRequired);

        var answer = await h.Service.RespondWithLinkAsync(Token(notice, NotificationLink.AcceptDelay), null, Ct);

        Assert.Equal(new ConsentResponse.Accepted(order.OrderId, revised), answer);
        h.Time.Advance(TimeSpan.FromDays(30));
        await h.Expiry.RunAsync(Ct);
        Assert.Equal(OrderStatus.Confirmed, (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order.Status);
    }

    [Fact]
    public async Task CancelThroughTheSignedLink_CancelsWithAFullRefundAndTellsTheCustomer()
    {
        var (h, order) = await PlacedAsync();
        var notice = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(5), Ct);

        var answer = Assert.IsType<ConsentResponse.Cancelled>(await h.Service.RespondWithLinkAsync(Token(notice, NotificationLink.CancelOrder), null, Ct));

        var stored = (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order;
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.Equal(stored.Total, stored.RefundDue);
        Assert.Equal(stored.Total, answer.Refund);
        Assert.Equal(DelayCancellationReason.CustomerCancelled, answer.Reason);
        var cancelled = Assert.Single(h.Notices(), n => n.Notification.Kind == NotificationKind.CancelledAndRefunded);
        Assert.Equal(CancellationCause.CustomerRequest, cancelled.Notification.CancellationCause);
        Assert.Equal(0, (await h.Ordering.ReservedAsync(CompensationHarness.SkuCode)).ByRows);
    }

    [Fact]
    public async Task TamperedOrExpiredLinks_AreRefusedAndChangeNothing()
    {
        var (h, order) = await PlacedAsync();
        var notice = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(45), Ct);
        var token = Token(notice, NotificationLink.CancelOrder);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var forged = await h.Service.RespondWithLinkAsync(tampered, null, Ct);
        var wrongAction = await h.Service.RespondWithLinkAsync(token, ConsentActions.Accept, Ct);
        h.Time.Advance(h.Options.CancelLinkLifetime + TimeSpan.FromSeconds(1));
        var expired = await h.Service.RespondWithLinkAsync(token, null, Ct);

        Assert.Equal(ConsentLinkStatus.InvalidSignature, Assert.IsType<ConsentResponse.LinkRefused>(forged).Status);
        Assert.Equal(ConsentLinkStatus.Valid, Assert.IsType<ConsentResponse.LinkRefused>(wrongAction).Status);
        Assert.Equal(ConsentLinkStatus.Expired, Assert.IsType<ConsentResponse.LinkRefused>(expired).Status);
        Assert.Equal(DelayConsentStatus.AwaitingConsent, (await h.Consents.GetAsync(order.OrderId, Ct))!.Case.Status);
    }

    [Fact]
    public async Task SilenceBeyondThirtyDays_CancelsAndRefundsAtTheDeadline_NotBefore()
    {
        var (h, order) = await PlacedAsync();
        var notice = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(31), Ct);
        var deadline = notice.ConsentDeadline!.Value;

        h.Time.SetUtcNow(deadline.AddSeconds(-1));
        Assert.Equal(0, (await h.Expiry.RunAsync(Ct)).Expired);
        Assert.Equal(OrderStatus.Confirmed, (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order.Status);

        h.Time.SetUtcNow(deadline);
        var swept = await h.Expiry.RunAsync(Ct);

        Assert.Equal(1, swept.Expired);
        var stored = (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order;
        Assert.Equal(OrderStatus.Cancelled, stored.Status);
        Assert.Equal(stored.Total, stored.RefundDue);
        var cancelled = Assert.Single(h.Notices(), n => n.Notification.Kind == NotificationKind.CancelledAndRefunded);
        Assert.Equal(CancellationCause.NoConsentToDelay, cancelled.Notification.CancellationCause);
        Assert.Equal(0, (await h.Expiry.RunAsync(Ct)).Expired);
    }

    [Fact]
    public async Task SecondDelay_NeedsConsent_AndAnOldAcceptLinkCannotAnswerIt()
    {
        var (h, order) = await PlacedAsync();
        var first = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(3), Ct);
        Assert.False(first.ConsentRequired);
        var second = await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(6), Ct);

        Assert.True(second.ConsentRequired);
        Assert.Equal(2, second.DelayNumber);
        Assert.Equal(new ConsentResponse.Rejected(order.OrderId, DelayConsentRejection.StaleDelayNotice), await h.Service.RespondAsync(order.OrderId, ConsentActions.Accept, 1, Ct));
        Assert.IsType<ConsentResponse.Accepted>(await h.Service.RespondAsync(order.OrderId, ConsentActions.Accept, 2, Ct));
    }

    [Fact]
    public async Task CancellationThatDiedAfterTheCaseWasWritten_IsFinishedByTheExpirySweep()
    {
        var (h, order) = await PlacedAsync();
        await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(5), Ct);
        // Let the case write succeed (a read and a transaction), then die: the order is not cancelled yet.
        h.Faults.Arm(failFrom: 3);
        await Assert.ThrowsAsync<IOException>(() => h.Service.RespondAsync(order.OrderId, ConsentActions.Cancel, null, Ct));
        h.Faults.Disarm();
        Assert.Equal(DelayConsentStatus.Cancelled, (await h.Consents.GetAsync(order.OrderId, Ct))!.Case.Status);
        Assert.Equal(OrderStatus.Confirmed, (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order.Status);

        // Within the grace the request that decided it may still be finishing it: the sweep leaves it alone.
        Assert.Equal(0, (await h.Expiry.RunAsync(Ct)).Finished);
        Assert.Equal(OrderStatus.Confirmed, (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order.Status);
        h.Time.Advance(h.Options.NotificationOutboxGrace + TimeSpan.FromSeconds(1));
        var swept = await h.Expiry.RunAsync(Ct);

        Assert.Equal(1, swept.Finished);
        Assert.Equal(OrderStatus.Cancelled, (await h.Ordering.Orders.GetAsync(order.OrderId, Ct))!.Order.Status);
        Assert.Single(h.Notices(), n => n.Notification.Kind == NotificationKind.CancelledAndRefunded);
        Assert.Equal(0, (await h.Expiry.RunAsync(Ct)).Finished);
    }

    [Fact]
    public async Task DelayedOrder_IsCompensatedFromItsOriginalPromise_EvenAfterAcceptingTheRevisedDate()
    {
        var (h, order) = await PlacedAsync();
        await h.Service.RecordDelayAsync(order, order.OriginalPromise.AddDays(40), Ct);
        await h.Service.RespondAsync(order.OrderId, ConsentActions.Accept, null, Ct);

        h.Time.SetUtcNow(ShopCalendar.StartOfDay(order.OriginalPromise.AddDays(10), Berlin));
        var result = await h.Sweep().RunAsync(Ct);

        Assert.Equal(2, result.AwardsIssued);
    }

    private static async Task<(CompensationHarness Harness, DelayedOrder Order)> PlacedAsync()
    {
        var h = new CompensationHarness();
        await h.SetUpShopAsync();
        var orderId = await h.PlaceAsync("k-1");
        var promise = (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order.Lines.Max(l => l.Promise!.PromisedOn);
        return (h, new DelayedOrder(orderId, "customer-1", promise));
    }

    private static string Token(Notification notice, string rel)
    {
        var href = notice.Links.Single(l => l.Rel == rel).Href;
        return Uri.UnescapeDataString(href.Query["?token=".Length..]);
    }
}
