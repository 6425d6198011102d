using System.Text.Json;
using Presale.Application.IntegrationEvents;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Reconciliation;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Tests.Orders;
using Presale.Application.Tests.Reconciliation;
using Presale.Application.Tests.Returns;
using Presale.Domain.Reconciliation;
using Presale.Domain.Returns;
using Presale.Testing;

namespace Presale.Application.Tests.IntegrationEvents;

/// <summary>
/// Integration events ride the outboxes: written with the state change, published after it, left for the sweeper
/// when the topic fails, and never in the way of the customer notification or the use case.
/// </summary>
public sealed class IntegrationEventOutboxTests
{
    private static readonly DateTimeOffset T0 = TestClock.Start;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlaceOrder_WhileTheTopicIsDown_ConfirmsTheOrderAndQueuesTheNotice_AndTheSweeperPublishesTheEventLater()
    {
        var h = new OrderingHarness();
        h.IntegrationEventsOptions.Topic = "events";
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        h.IntegrationEvents.Fail = true;

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k-1", OrderingHarness.Order(("A", 1)), Ct));

        var notice = Assert.Single(h.Publisher.Published, p => p.Queue == h.Notifications.Queue);
        Assert.Equal(1, h.IntegrationEvents.Attempts);
        Assert.Empty(h.IntegrationEvents.Published);
        Assert.Equal(1, await OrderOutboxRowsAsync(h));

        h.IntegrationEvents.Fail = false;
        h.Time.Advance(h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await h.OutboxSweep.RunAsync(Ct));

        var published = Assert.Single(h.IntegrationEvents.Published);
        Assert.Equal(IntegrationEventTypes.OrderConfirmed, published.Type);
        Assert.Equal(notice.Message.MessageId, published.Key);
        Assert.Equal(placed.Order.OrderId, published.Properties[IntegrationEventProperties.OrderId]);
        Assert.Equal(0, await OrderOutboxRowsAsync(h));

        // The sweeper sent the notice again under the same id, which the notification consumer de-duplicates.
        Assert.Equal([notice.Message.MessageId, notice.Message.MessageId], h.Publisher.Published.Where(p => p.Queue == h.Notifications.Queue).Select(p => p.Message.MessageId));
    }

    [Fact]
    public async Task PlaceOrder_WhenTheQueueIsDown_PublishesNoEventBeforeItsNotice()
    {
        var h = new OrderingHarness();
        h.IntegrationEventsOptions.Topic = "events";
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);
        h.Publisher.Fail = true;

        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k-1", OrderingHarness.Order(("A", 1)), Ct));

        Assert.Equal(0, h.IntegrationEvents.Attempts);
        Assert.Equal(1, await OrderOutboxRowsAsync(h));
    }

    [Fact]
    public async Task PlaceOrder_WithEventsOff_PublishesTheNoticeOnly()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 5);

        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k-1", OrderingHarness.Order(("A", 1)), Ct));

        Assert.Single(h.Publisher.Published, p => p.Queue == h.Notifications.Queue);
        Assert.Equal(0, h.IntegrationEvents.Attempts);
    }

    [Fact]
    public async Task EtaSlip_PastAPromisedDate_PublishesLotAtRiskWithTheWaitingDemand()
    {
        var (h, ids) = await SettledAsync();
        var promised = (await h.OrderAsync(ids[2])).Lines[0].Promise!.PromisedOn;

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("eta-1", "L1", T0, Date(h.Today.AddDays(30))));

        var risk = Assert.Single(h.IntegrationEvents.Published);
        Assert.Equal(IntegrationEventTypes.SupplierLotAtRisk, risk.Type);
        Assert.Equal(LotAtRiskEvents.Key("acme", "L1", "eta-1"), risk.Key);
        Assert.Equal("acme", risk.Properties[IntegrationEventProperties.SupplierId]);
        Assert.Equal("L1", risk.Properties[IntegrationEventProperties.LotId]);
        Assert.Equal("KB-75", risk.Properties[IntegrationEventProperties.Sku]);
        Assert.Equal("|KB-75|", risk.Properties[IntegrationEventProperties.Skus]);
        var data = JsonDocument.Parse(risk.Body).RootElement.GetProperty("data");
        Assert.Equal(Date(h.Today.AddDays(10)), data.GetProperty("previousEta").GetString());
        Assert.Equal(Date(h.Today.AddDays(30)), data.GetProperty("eta").GetString());
        Assert.Equal(1, data.GetProperty("orders").GetInt32());
        var sku = Assert.Single(data.GetProperty("skus").EnumerateArray().ToList());
        Assert.Equal(Date(promised), sku.GetProperty("earliestPromisedDate").GetString());
        Assert.True(sku.GetProperty("slipDays").GetInt32() > 0);
    }

    [Fact]
    public async Task EtaUpdate_ThatKeepsEveryPromise_PublishesNoEvent()
    {
        var (h, _) = await SettledAsync();

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("eta-1", "L1", T0, Date(h.Today.AddDays(8))));
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("eta-2", "L1", T0.AddMinutes(1), Date(h.Today.AddDays(10))));

        Assert.Equal(0, h.IntegrationEvents.Attempts);
    }

    [Fact]
    public async Task EtaSlip_WhileTheTopicIsDown_StaysInTheSupplierOutbox_AndTheSweeperPublishesIt()
    {
        var (h, _) = await SettledAsync();
        await h.RegisterSupplierAsync();
        h.IntegrationEvents.Fail = true;

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("eta-1", "L1", T0, Date(h.Today.AddDays(30))));

        Assert.Empty(h.IntegrationEvents.Published);
        Assert.Contains(h.Ordering.Publisher.Published, p => p.Queue == h.Ordering.Options.ReconcileQueue); // the reconcile fan-out went on
        Assert.Equal(1, await SupplierOutboxRowsAsync(h));

        h.IntegrationEvents.Fail = false;
        h.Ordering.Time.Advance(TimeSpan.FromMinutes(5));
        var sweep = new SupplierOutboxSweep(h.Ordering.Store, h.SupplierOutbox, h.Ordering.Options, h.SuppliersOptions, h.Ordering.Time);
        Assert.Equal(1, await sweep.RunAsync(Ct));

        Assert.Equal(LotAtRiskEvents.Key("acme", "L1", "eta-1"), Assert.Single(h.IntegrationEvents.Published).Key);
        Assert.Equal(0, await SupplierOutboxRowsAsync(h));
    }

    [Fact]
    public async Task EtaSlip_WithEventsOff_WritesNoEvent()
    {
        var (h, _) = await SettledAsync(eventsOn: false);

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("eta-1", "L1", T0, Date(h.Today.AddDays(30))));

        Assert.Equal(0, h.IntegrationEvents.Attempts);
    }

    [Fact]
    public async Task ReturnReceipt_PublishesReturnReceivedOnce_WithItsUnits()
    {
        var h = new ReturnsHarness();
        h.IntegrationEventsOptions.Topic = "events";
        var orderId = await h.DeliveredOrderAsync("alice", ("KB-75", 2, 20m));
        var created = await h.CreatedAsync("ret-1", ReturnsHarness.Request(orderId, "alice", ("KB-75", 2, ReturnReason.ChangedMind)));

        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("KB-75:1", ConditionGrade.A)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("KB-75:2", ConditionGrade.C)));

        var received = h.IntegrationEvents.Published.Where(e => e.Type == IntegrationEventTypes.ReturnReceived).ToList();
        Assert.Equal(2, received.Count);
        Assert.Equal(2, received.Select(e => e.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(received, e => Assert.Equal(created.ReturnId, e.Properties[IntegrationEventProperties.ReturnId]));
        Assert.All(received, e => Assert.Equal("alice", e.Properties[IntegrationEventProperties.CustomerId]));
        var units = received.Select(e => Assert.Single(JsonDocument.Parse(e.Body).RootElement.GetProperty("data").GetProperty("units").EnumerateArray().ToList()))
            .Select(u => (u.GetProperty("unitId").GetString(), u.GetProperty("grade").GetString()));
        Assert.Equal([("KB-75:1", "a"), ("KB-75:2", "c")], units);
    }

    private static async Task<(ReconciliationHarness H, string[] Orders)> SettledAsync(bool eventsOn = true)
    {
        var h = new ReconciliationHarness();
        h.IntegrationEventsOptions.Topic = eventsOn ? "events" : null;
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 2, lot: ("L1", 10, 10));
        var ids = new string[3];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = await h.PlaceAsync("KB-75", 1);
            h.Ordering.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(ReconcileOutcome.Reconciled, (await h.ReconcileAsync("KB-75")).Outcome);
        Assert.Equal(PromiseStatus.OnTrack, (await h.TrackingAsync(ids[2]))!.Status);
        h.Ordering.IntegrationEvents.Clear();
        return (h, ids);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Outbox rows of the orders table that hold a customer notification (the order's other messages aside).</summary>
    private static async Task<int> OrderOutboxRowsAsync(OrderingHarness h)
    {
        var rows = 0;
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var row in h.Store.QueryAllAsync(h.Options.OrdersTable, TableFilter.RowPrefix(partition, OutboxRows.Prefix), 100, Ct))
            {
                if (OutboxRows.Read(row).Queue == h.Notifications.Queue)
                {
                    rows++;
                }
            }
        }

        return rows;
    }

    private static async Task<int> SupplierOutboxRowsAsync(ReconciliationHarness h)
    {
        var rows = 0;
        await foreach (var _ in h.Ordering.Store.QueryAllAsync(h.Ordering.Options.LotsTable, TableFilter.RowPrefix("acme", OutboxRows.Prefix), 100, Ct))
        {
            rows++;
        }

        return rows;
    }
}
