using System.Text.Json;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Returns;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Returns;
using Presale.Domain.Supply;
using Presale.Testing;

namespace Presale.Application.Tests.Returns;

/// <summary>
/// Returns end to end on Azurite (Table Storage REST adapter and Storage Queue adapter): a grade-A unit of a SKU with a
/// waiting pre-sale order is restocked by the triage run, the SKU's reconcile message is on the reconcile queue and the
/// returning customer's "return decided" notification is on the notifications queue and recorded in their feed.
/// </summary>
public sealed class AzuriteReturnsEndToEndTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReturnedGradeAUnit_WithAWaitingPreSaleOrder_IsRestockedAndAnnouncedToReconcileAndTheCustomer()
    {
        var account = StorageAccount.FromConnectionString(azurite.ConnectionString);
        var store = new TableStorageStore(account, new StorageClientOptions());
        var queues = new StorageQueueClient(account, new StorageClientOptions());
        var h = new ReturnsHarness(store, AzuriteFixture.UniqueName("e"), publisher: queues);
        h.Ordering.Options.ReconcileQueue = AzuriteFixture.UniqueName("reconcile-");
        h.Notifications.Queue = AzuriteFixture.UniqueName("notify-");
        h.Notifications.FeedTable = AzuriteFixture.UniqueName("feed");
        await queues.CreateQueueIfNotExistsAsync(h.Ordering.Options.ReconcileQueue, Ct);
        await queues.CreateQueueIfNotExistsAsync(h.Notifications.Queue, Ct);

        // One unit on hand, one more sellable ahead of supply (cap).
        await h.Ordering.ConfigureShopAsync();
        var sku = Sku.From("SPEAKER-9");
        Assert.IsType<SkuSettingsResult.Saved>(await h.Ordering.Skus.PutAsync(sku, new SkuSettingsRequest(true, null, null, 1, 5, null, 10, "audio"), Ct));
        Assert.IsType<StockAdjustmentResult.Applied>(await h.Ordering.Stock.AdjustAsync(sku, "stock-1", new StockAdjustmentRequest(1, StockAdjustmentReason.Delivery, null), Ct));
        var alice = await PlaceAsync(h, "alice", "order-alice");
        var bob = await PlaceAsync(h, "bob", "order-bob");
        Assert.Equal(SupplyKind.OnHand, alice.Lines[0].Source!.Kind);
        Assert.Equal(SupplyKind.Cap, bob.Lines[0].Source!.Kind);
        Assert.IsType<RecordShipmentResult.Recorded>(await h.Shipments.RecordAsync(alice.OrderId, new RecordShipmentRequest("ship-a", [new ShipmentLineRequest(sku.Value, 1)], h.Today, h.Today), Ct));

        var created = await h.CreatedAsync("ret-alice", ReturnsHarness.Request(alice.OrderId, "alice", (sku.Value, 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.Lifecycle.MarkInTransitAsync(created.ReturnId, new MarkInTransitRequest("TRACK-9"), Ct));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ($"{sku.Value}:1", ConditionGrade.A)));
        var run = await h.Triage.RunAsync(Ct);

        // Alice's unit left on hand when it shipped; restocked, it is back on hand once.
        Assert.Equal(1, run.UnitsDecided);
        Assert.Equal(1, await h.OnHandAsync(sku.Value));
        Assert.Equal(ReturnStatus.Refunded, (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!.Status);

        var reconcile = Assert.Single(await queues.ReceiveAsync(h.Ordering.Options.ReconcileQueue, 32, TimeSpan.FromSeconds(30), Ct));
        Assert.Equal([sku.Value], JsonSerializer.Deserialize<ReturnRestockedMessage>(reconcile.Body, PresaleJson.Options)!.Skus);

        var notice = Assert.Single(await queues.ReceiveAsync(h.Notifications.Queue, 32, TimeSpan.FromSeconds(30), Ct));
        var message = NotificationMessageSerializer.Deserialize(notice.Body);
        Assert.Equal(NotificationKind.ReturnDecided, message.Notification.Kind);
        Assert.Equal("alice", message.Notification.CustomerId);
        var feed = new NotificationFeed(store, h.Notifications);
        await feed.RecordAsync(message, h.Time.GetUtcNow(), Ct);
        var entry = Assert.Single((await feed.ListAsync("alice", 10, null, Ct)).Items);
        Assert.Equal(created.ReturnId, entry.Notification.ReturnId);

        // Bob's order still waits on the cap until ReconcileSku re-pegs it to the restocked unit (the rest of the
        // path, through the function, is Presale.Functions.Tests' ReturnsReconcileEndToEndTests).
        Assert.Equal(SupplyKind.Cap, (await h.Ordering.Get.GetAsync(bob.OrderId, Ct))!.Lines[0].Source!.Kind);
    }

    private static async Task<OrderView> PlaceAsync(ReturnsHarness h, string customerId, string key)
    {
        var placed = await h.Ordering.Place.PlaceAsync(key, new PlaceOrderRequest(
            customerId, CustomerTier.Standard, new NotificationContactRequest(customerId + "@example.com", null),
            [new PlaceOrderLineRequest("SPEAKER-9", 1, 80m)], "EUR", true), Ct);
        return Assert.IsType<PlaceOrderResult.Placed>(placed).Order;
    }
}
