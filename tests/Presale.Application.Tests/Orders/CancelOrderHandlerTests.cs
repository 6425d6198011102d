using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

public sealed class CancelOrderHandlerTests
{
    [Fact]
    public async Task Cancel_ReleasesTheReservationAtOnce_AndRecordsTheFullRefund()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 5)), Ct));
        Assert.IsType<PlaceOrderResult.Short>(await h.Place.PlaceAsync("k2", Order(("A", 1)), Ct));

        var result = await h.Cancel.CancelAsync(placed.Order.OrderId, new CancelOrderRequest("too late for me"), Ct);

        var cancelled = Assert.IsType<CancelOrderResult.Cancelled>(result);
        Assert.Equal(OrderStatus.Cancelled, cancelled.Order.Status);
        Assert.Equal(5 * 19.99m, cancelled.Order.RefundDue);
        Assert.Equal("too late for me", cancelled.Order.CancellationReason);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k3", Order(("A", 5)), Ct));
        Assert.Contains(h.Publisher.Published, p => p.Message.MessageId == placed.Order.OrderId + "-cancelled");
        var stored = await h.Orders.GetAsync(placed.Order.OrderId, Ct);
        Assert.Null(stored!.SagaMarker);
    }

    [Fact]
    public async Task Cancel_BeforeAnythingShipped_RefundsTheShippingCharge_AndRecordsItOnTheStoredOrder()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)) with { ShippingCharge = 4.90m }, Ct));

        var cancelled = Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelAsync(placed.Order.OrderId, null, Ct));

        Assert.Equal(2 * 19.99m + 4.90m, cancelled.Order.RefundDue);
        Assert.Equal(new Money(2 * 19.99m + 4.90m, "EUR"), (await h.Orders.GetAsync(placed.Order.OrderId, Ct))!.Order.RefundDue);
    }

    [Fact]
    public async Task Cancel_TellsTheCustomerCancelledAndRefunded_WithTheRefund_WrittenWithTheCancellation()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));
        h.Publisher.Fail = true; // the broker is down: the notice can only reach the customer from the outbox

        Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelAsync(placed.Order.OrderId, null, Ct));
        h.Publisher.Fail = false;
        h.Time.Advance(h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        await h.OutboxSweep.RunAsync(Ct);

        var notices = h.Publisher.Published.Where(p => p.Queue == h.Notifications.Queue)
            .Select(p => NotificationMessageSerializer.Deserialize(p.Message.Body).Notification).ToList();
        var cancelled = Assert.Single(notices, n => n.Kind == NotificationKind.CancelledAndRefunded);
        Assert.Equal(new Money(2 * 19.99m, "EUR"), cancelled.Amount);
        Assert.Equal(CancellationCause.CustomerRequest, cancelled.CancellationCause);
        Assert.Equal(("customer-1", placed.Order.OrderId), (cancelled.CustomerId, cancelled.OrderId));

        // Cancelling again tells nobody twice.
        Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelAsync(placed.Order.OrderId, null, Ct));
        Assert.Single(h.Publisher.Published, p => p.Queue == h.Notifications.Queue && p.Message.Subject == "notification.cancelledAndRefunded");
    }

    [Fact]
    public async Task CancelWithoutNotice_CancelsAndReleases_ButLeavesTheNoticeToTheCaller()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));

        Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelWithoutNoticeAsync(placed.Order.OrderId, new CancelOrderRequest("no consent"), Ct));

        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        Assert.Contains(h.Publisher.Published, p => p.Message.MessageId == placed.Order.OrderId + "-cancelled");
        Assert.DoesNotContain(h.Publisher.Published, p => p.Message.Subject == "notification.cancelledAndRefunded");
    }

    [Fact]
    public async Task Cancel_Twice_IsIdempotent_AndUnknownOrPendingOrdersAreReported()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));
        await h.Cancel.CancelAsync(placed.Order.OrderId, null, Ct);

        var again = Assert.IsType<CancelOrderResult.Cancelled>(await h.Cancel.CancelAsync(placed.Order.OrderId, null, Ct));

        Assert.True(again.AlreadyCancelled);
        Assert.Single(h.Publisher.Published, p => p.Message.MessageId.EndsWith("-cancelled", StringComparison.Ordinal));
        Assert.IsType<CancelOrderResult.NotFound>(await h.Cancel.CancelAsync("o00000000000000000000000000", null, Ct));
        Assert.IsType<CancelOrderResult.NotFound>(await h.Cancel.CancelAsync("nonsense", null, Ct));
        var rejected = Assert.IsType<PlaceOrderResult.Short>(await h.Place.PlaceAsync("k9", Order(("A", 99)), Ct));
        Assert.IsType<CancelOrderResult.NotCancellable>(await h.Cancel.CancelAsync(rejected.OrderId, null, Ct));
    }

    [Fact]
    public async Task Cancel_WhenTheReleaseFails_IsFinishedByTheSagaSweeper()
    {
        var store = new FaultInjectingTableStore(new Adapters.InMemory.InMemoryTableStore());
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));

        store.Arm(failFrom: 3); // read order, cancel transaction, then everything fails
        await Assert.ThrowsAsync<IOException>(() => h.Cancel.CancelAsync(placed.Order.OrderId, null, Ct));
        store.Disarm();
        Assert.Equal((2, 2), await h.ReservedAsync("A"));

        h.Time.Advance(h.Options.ReleaseRetryDelay);
        Assert.Equal(1, await h.SagaSweep.RunAsync(Ct));

        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        Assert.Equal(OrderStatus.Cancelled, (await h.Get.GetAsync(placed.Order.OrderId, Ct))!.Status);
    }
}
