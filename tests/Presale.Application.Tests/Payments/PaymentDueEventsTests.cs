using System.Text.Json;
using Presale.Application.IntegrationEvents;
using Presale.Application.Orders;
using Presale.Application.Suppliers;
using Presale.Application.Tests.Reconciliation;
using Presale.Domain.Payments;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Tests.Payments;

/// <summary>
/// <c>payment.due</c> on the in-memory twin: the balance of a deposit order is announced once when its line becomes ready
/// to ship, never again on a rerun or a replayed supplier event; an on-ship amount once when its line ships.
/// </summary>
public sealed class PaymentDueEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PayOnShip_NothingWhenReady_TheWholeLineWhenItShips_OnceForAReplayedShipment()
    {
        var h = new ReconciliationHarness();
        h.IntegrationEventsOptions.Topic = "events";
        h.Ordering.Payments.DefaultPlan = PaymentPlanKind.PayOnShip;
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 2);
        var order = await h.PlaceAsync("KB-75", 2);
        await h.ReconcileAsync("KB-75");
        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(order))!.Status);
        Assert.Empty(PaymentsDue(h, order));

        var shipment = new RecordShipmentRequest("s-1", [new ShipmentLineRequest("KB-75", 1)], h.Today, null);
        Assert.IsType<RecordShipmentResult.Recorded>(await h.Ordering.Ship.RecordAsync(order, shipment, Ct));
        Assert.IsType<RecordShipmentResult.Recorded>(await h.Ordering.Ship.RecordAsync(order, shipment, Ct));
        Assert.IsType<RecordShipmentResult.Recorded>(await h.Ordering.Ship.RecordAsync(order, new RecordShipmentRequest("s-2", [new ShipmentLineRequest("KB-75", 1)], h.Today, null), Ct));
        await h.ReconcileAsync("KB-75");

        var due = Assert.Single(PaymentsDue(h, order));
        var line = (await h.OrderAsync(order)).Lines[0];
        using var body = JsonDocument.Parse(due.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal(("1-onship", "onShip", line.Total.Amount), (data.GetProperty("instalmentId").GetString(), data.GetProperty("kind").GetString(), data.GetProperty("amount").GetProperty("amount").GetDecimal()));
        Assert.StartsWith($"payment-due:{order}:1-onship:", due.Key, StringComparison.Ordinal);
    }

    /// <summary>Deposit of 20 % on every line, events on; SKU with 1 on hand and lot L1 of 10 due in 10 days; two orders of one unit at 100 EUR.</summary>
    private static async Task<(ReconciliationHarness H, string Ready, string Waiting)> DepositOrdersAsync()
    {
        var h = new ReconciliationHarness();
        h.IntegrationEventsOptions.Topic = "events";
        h.Ordering.Payments.DefaultPlan = PaymentPlanKind.Deposit;
        h.Ordering.Payments.DepositPercent = 20m;
        h.Ordering.Payments.UpdatePaymentUrlTemplate = "https://shop.example/orders/{orderId}/payment";
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 1, lot: ("L1", 10, 10));
        var ready = await h.PlaceAsync("KB-75", 1);
        h.Ordering.Time.Advance(TimeSpan.FromMinutes(1));
        var waiting = await h.PlaceAsync("KB-75", 1);
        return (h, ready, waiting);
    }

    private static List<IntegrationEvent> PaymentsDue(ReconciliationHarness h, string orderId) =>
        [.. h.IntegrationEvents.Published.Where(e => e.Type == IntegrationEventTypes.PaymentDue && e.CorrelationId == orderId)];

    [Fact]
    public async Task LineBecomesReady_AnnouncesItsBalanceOnce_AndNothingForTheLineStillWaiting()
    {
        var (h, ready, waiting) = await DepositOrdersAsync();

        await h.ReconcileAsync("KB-75");

        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(ready))!.Status);
        var due = Assert.Single(PaymentsDue(h, ready));
        var dueOn = (await h.OrderAsync(ready)).Lines[0].Tracking!.Estimate!.Value;
        Assert.Equal($"payment-due:{ready}:1-balance:{dueOn:yyyy-MM-dd}", due.Key);
        Assert.Equal(ready, due.Properties["orderId"]);
        Assert.Equal("KB-75", due.Properties["sku"]);
        Assert.Equal((await h.OrderAsync(ready)).CustomerId, due.Properties["customerId"]);
        using var body = JsonDocument.Parse(due.Body);
        var data = body.RootElement.GetProperty("data");
        Assert.Equal("1-balance", data.GetProperty("instalmentId").GetString());
        Assert.Equal("balance", data.GetProperty("kind").GetString());
        var line = (await h.OrderAsync(ready)).Lines[0];
        Assert.Equal(line.Total.Amount - decimal.Floor(line.Total.Amount * 20) / 100, data.GetProperty("amount").GetProperty("amount").GetDecimal());
        Assert.Equal($"{dueOn:yyyy-MM-dd}", data.GetProperty("dueOn").GetString());
        Assert.Equal($"https://shop.example/orders/{ready}/payment", data.GetProperty("updatePaymentUrl").GetString());
        Assert.Empty(PaymentsDue(h, waiting));

        // A rerun with nothing new announces nothing again.
        await h.ReconcileAsync("KB-75");
        Assert.Single(PaymentsDue(h, ready));
        Assert.Empty(PaymentsDue(h, waiting));

        // The line ships and is planned again: its balance was announced already and is not announced again.
        Assert.IsType<RecordShipmentResult.Recorded>(await h.Ordering.Ship.RecordAsync(ready, new RecordShipmentRequest("s-1", [new ShipmentLineRequest("KB-75", 1)], h.Today, null), Ct));
        await h.ReconcileAsync("KB-75");
        Assert.Single(PaymentsDue(h, ready));
    }

    [Fact]
    public async Task ReceiptReplayed_AnnouncesTheWaitingBalanceOnce()
    {
        var (h, ready, waiting) = await DepositOrdersAsync();
        await h.RegisterSupplierAsync();
        await h.ReconcileAsync("KB-75");

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-1", "L1", T0, ("KB-75", 10)));
        await h.ReconcileAsync("KB-75");
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-1", "L1", T0, ("KB-75", 10)));
        await h.ReconcileAsync("KB-75");

        Assert.Equal(PromiseStatus.ReadyToShip, (await h.TrackingAsync(waiting))!.Status);
        var dueOn = (await h.OrderAsync(waiting)).Lines[0].Tracking!.Estimate!.Value;
        Assert.Equal($"payment-due:{waiting}:1-balance:{dueOn:yyyy-MM-dd}", Assert.Single(PaymentsDue(h, waiting)).Key);
        Assert.Single(PaymentsDue(h, ready));
    }
}
