using Presale.Application.DelayConsent;
using Presale.Application.Reconciliation;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.Notifications;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Tests.Compensation;

/// <summary>Reconciliation recording delays through the real <see cref="DelayConsentService"/>.</summary>
public sealed class ReconcileDelayConsentTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reconcile_DelayedOrder_OpensTheConsentCaseAndSendsTheNoticeWithItsLinks()
    {
        var (h, orderId, promise) = await LateLotOrderAsync();

        var result = await h.Reconciler().ReconcileAsync(Sku.From("LT-1"), Ct);

        Assert.Equal(ReconcileOutcome.Reconciled, result.Outcome);
        var consent = await h.Consents.GetAsync(orderId, Ct);
        Assert.NotNull(consent);
        Assert.Equal(promise, consent.Case.OriginalPromise);
        Assert.Equal(1, consent.Case.DelayCount);
        // The service's outbox and reconciliation's order outbox both publish it, under one key (the feed keeps one).
        var delayed = Assert.Single(h.Notices().Where(n => n.Notification.Kind == NotificationKind.Delayed).DistinctBy(n => n.DeduplicationKey));
        Assert.Equal(orderId, delayed.Notification.OrderId);
        Assert.Contains(delayed.Notification.Links, l => l.Rel == "cancel-order");
    }

    [Fact]
    public async Task Reconcile_WhenTheFlowRefusesTheDelayWithNothingSentBefore_TracksTheOrderAndSendsNoDelayNotice()
    {
        var (h, orderId, _) = await LateLotOrderAsync();

        var result = await h.Reconciler(new NotAfterThePromise(h.Service)).ReconcileAsync(Sku.From("LT-1"), Ct);

        Assert.Equal(ReconcileOutcome.Reconciled, result.Outcome);
        Assert.Equal(1, result.OrdersWritten);
        Assert.Equal(PromiseStatus.AtRisk, (await h.Ordering.Orders.GetAsync(orderId, Ct))!.Order.Lines[0].Tracking!.Status);
        Assert.DoesNotContain(h.Notices(), n => n.Notification.Kind == NotificationKind.Delayed);
        Assert.Null(await h.Consents.GetAsync(orderId, Ct));
    }

    [Fact]
    public async Task TryRecordDelay_NotAfterThePromise_IsARefusalValue_AndRecordDelayStillThrows()
    {
        var (h, orderId, promise) = await LateLotOrderAsync();
        var order = new DelayedOrder(orderId, "customer-1", promise);

        var refused = await h.Service.TryRecordDelayAsync(order, promise, Ct);

        Assert.Null(refused.Notice);
        Assert.Contains(nameof(Domain.DelayConsent.DelayConsentRejection.RevisedDateNotLater), refused.Refusal, StringComparison.Ordinal);
        Assert.Null(await h.Consents.GetAsync(orderId, Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Service.RecordDelayAsync(order, promise, Ct));
    }

    /// <summary>A lot-backed order on the day before its promise, the lot not in: reconciling it delays the order.</summary>
    private static async Task<(CompensationHarness H, string OrderId, DateOnly Promise)> LateLotOrderAsync()
    {
        var h = new CompensationHarness();
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("LT-1", 0, lot: ("L1", 5, 10));
        var placed = Assert.IsType<Application.Orders.PlaceOrderResult.Placed>(await h.Ordering.Place.PlaceAsync("k-1", OrderingHarness.Order(("LT-1", 1)), Ct));
        var promise = placed.Order.Lines[0].PromiseDate!.Value;
        h.Time.SetUtcNow(ShopCalendar.StartOfDay(promise.AddDays(-1), Berlin).AddHours(9));
        return (h, placed.Order.OrderId, promise);
    }

    /// <summary>Asks the real service to delay to the promise itself, which the flow refuses.</summary>
    private sealed class NotAfterThePromise(IDelayConsentService inner) : IDelayConsentService
    {
        public Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken) =>
            inner.RecordDelayAsync(order, order.OriginalPromise, cancellationToken);

        public Task<DelayRecording> TryRecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken) =>
            inner.TryRecordDelayAsync(order, order.OriginalPromise, cancellationToken);
    }
}
