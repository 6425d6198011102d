using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Orders;

public sealed class OrderTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cancel_AConfirmedOrder_MakesTheFullPriceRefundable()
    {
        var order = NewOrder();
        order.Confirm([Promise(), Promise()], At);

        var outcome = order.Cancel("changed my mind", At.AddHours(1));

        Assert.Equal(CancellationOutcome.Cancelled, outcome);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal(new Money(2 * 19.99m + 5m, "EUR"), order.RefundDue);
    }

    [Fact]
    public void Cancel_BeforeAnythingShipped_RefundsTheLinesAndTheShippingCharge()
    {
        var order = NewOrder(shipping: 4.90m);
        order.Confirm([Promise(), Promise()], At);

        order.Cancel(null, At.AddHours(1));

        Assert.Equal(new Money(2 * 19.99m + 5m, "EUR"), order.Total);
        Assert.Equal(new Money(4.90m, "EUR"), order.ShippingCharge);
        Assert.Equal(new Money(2 * 19.99m + 5m + 4.90m, "EUR"), order.RefundDue);
    }

    [Fact]
    public void Cancel_AfterAPartialShipment_RefundsOnlyTheUnitsNotShipped_AndNotTheShipping()
    {
        var order = NewOrder(shipping: 4.90m);
        order.Confirm([Promise(), Promise()], At);
        Assert.Equal(ShipmentOutcome.Recorded, order.RecordShipment(new Shipment("p1", [new ShipmentLine(Sku.From("A"), 1)], new DateOnly(2026, 3, 5), null)).Outcome);
        order.TakeShipmentStock("p1");

        Assert.Equal(CancellationOutcome.Cancelled, order.Cancel("the rest is too late", At.AddDays(4)));

        // One A (19.99) went out in the parcel: it comes back through a return; the shipping paid for that parcel was used.
        Assert.Equal(new Money(19.99m + 5m, "EUR"), order.RefundDue);
    }

    [Fact]
    public void Cancel_AfterEverythingShipped_IsRefusedAsFullyShipped_AndChangesNothing()
    {
        var order = NewOrder(shipping: 4.90m);
        order.Confirm([Promise(), Promise()], At);
        order.RecordShipment(new Shipment("p1", [new ShipmentLine(Sku.From("A"), 2), new ShipmentLine(Sku.From("B"), 1)], new DateOnly(2026, 3, 5), null));
        order.TakeShipmentStock("p1");

        Assert.Equal(CancellationOutcome.FullyShipped, order.Cancel(null, At.AddDays(4)));

        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Null(order.RefundDue);
        Assert.Equal(Money.Zero("EUR"), order.CancellationRefund);
    }

    [Fact]
    public void RecordShipment_IsPendingUntilItsStockIsTaken_AndCountsAsShippedOnlyThen()
    {
        var order = NewOrder();
        order.Confirm([Promise(), Promise()], At);

        Assert.Equal(ShipmentOutcome.Recorded, order.RecordShipment(new Shipment("p1", [new ShipmentLine(Sku.From("A"), 2)], new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 6))).Outcome);

        Assert.Equal(ShipmentStock.Pending, Assert.Single(order.ShipmentRecords).Stock);
        Assert.Empty(order.Shipments);
        Assert.Equal(0, order.QuantityShipped(Sku.From("A")));
        Assert.Equal(0, order.QuantityDelivered(Sku.From("A")));
        Assert.Throws<InvalidOperationException>(() => order.Cancel(null, At)); // settle the shipment first
        var more = order.RecordShipment(new Shipment("p2", [new ShipmentLine(Sku.From("A"), 1)], new DateOnly(2026, 3, 5), null));
        Assert.Equal((ShipmentOutcome.InvalidLines, "lines[0].quantity"), (more.Outcome, more.Field)); // the pending units count as on their way

        order.TakeShipmentStock("p1");

        Assert.Equal(2, order.QuantityShipped(Sku.From("A")));
        Assert.Equal(2, order.QuantityDelivered(Sku.From("A")));
        Assert.Throws<InvalidOperationException>(() => order.TakeShipmentStock("p1"));
    }

    [Fact]
    public void RecordShipment_AfterItsStockWasRefused_IsRecordedAgainAsTheNextAttempt()
    {
        var order = NewOrder();
        order.Confirm([Promise(), Promise()], At);
        var parcel = new Shipment("p1", [new ShipmentLine(Sku.From("A"), 2)], new DateOnly(2026, 3, 5), null);
        order.RecordShipment(parcel);

        order.RefuseShipmentStock("p1", "SKU A has 1 unit(s) on hand.");

        var refused = Assert.Single(order.ShipmentRecords);
        Assert.Equal((ShipmentStock.Refused, 1, "SKU A has 1 unit(s) on hand."), (refused.Stock, refused.Attempt, refused.Refusal));
        Assert.Equal(0, order.QuantityShipped(Sku.From("A")));
        Assert.Equal(ShipmentOutcome.Recorded, order.RecordShipment(parcel).Outcome);
        var again = Assert.Single(order.ShipmentRecords);
        Assert.Equal((ShipmentStock.Pending, 2, (string?)null), (again.Stock, again.Attempt, again.Refusal));
        Assert.Equal(ShipmentOutcome.AlreadyRecorded, order.RecordShipment(parcel).Outcome);
    }

    [Fact]
    public void Place_WithoutAShippingCharge_ChargesNoShipping_AndRefusesANegativeOrForeignOne()
    {
        Assert.Equal(Money.Zero("EUR"), NewOrder().ShippingCharge);
        Assert.Throws<ArgumentOutOfRangeException>(() => NewOrder(shipping: -0.01m));
        Assert.Throws<ArgumentException>(() => Order.Place("o1", "c1", CustomerTier.Gold, new NotificationContact("a@b.example", null), "EUR",
            [new OrderLine(1, Sku.From("A"), 1, new Money(1m, "EUR"))], At, new Money(4.90m, "USD")));
    }

    [Fact]
    public void Cancel_Twice_ReportsAlreadyCancelled_AndAPendingOrderCannotBeCancelled()
    {
        var order = NewOrder();
        Assert.Equal(CancellationOutcome.NotCancellable, order.Cancel(null, At));

        order.Confirm([Promise(), Promise()], At);
        order.Cancel(null, At);

        Assert.Equal(CancellationOutcome.AlreadyCancelled, order.Cancel(null, At));
    }

    [Fact]
    public void Confirm_NeedsAPromisePerLine_AndOnlyFromPending()
    {
        var order = NewOrder();
        Assert.Throws<ArgumentException>(() => order.Confirm([Promise()], At));

        order.Reject(At);

        Assert.Throws<InvalidOperationException>(() => order.Confirm([Promise(), Promise()], At));
    }

    [Fact]
    public void Place_RefusesDuplicateSkusAndForeignCurrencies()
    {
        var contact = new NotificationContact("a@b.example", null);
        Assert.Throws<ArgumentException>(() => Order.Place("o1", "c1", CustomerTier.Gold, contact, "EUR",
            [new OrderLine(1, Sku.From("A"), 1, new Money(1m, "EUR")), new OrderLine(2, Sku.From("A"), 1, new Money(1m, "EUR"))], At));
        Assert.Throws<ArgumentException>(() => Order.Place("o1", "c1", CustomerTier.Gold, contact, "EUR",
            [new OrderLine(1, Sku.From("A"), 1, new Money(1m, "USD"))], At));
    }

    private static Order NewOrder(decimal? shipping = null) => Order.Place(
        "o1",
        "c1",
        CustomerTier.Gold,
        new NotificationContact("a@b.example", null),
        "EUR",
        [new OrderLine(1, Sku.From("A"), 2, new Money(19.99m, "EUR")), new OrderLine(2, Sku.From("B"), 1, new Money(5m, "EUR"))],
        At,
        shipping is { } amount ? new Money(amount, "EUR") : null);

    private static LinePromise Promise() => new(new DateOnly(2026, 3, 5), SupplySource.OnHand);
}
