using System.Text.Json;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Supply;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

public sealed class PlaceOrderHandlerTests
{
    [Fact]
    public async Task Place_WithSupply_ConfirmsEachLineWithItsPromiseAndSource_AndPublishesToTheReconcileQueue_AndTellsTheCustomer()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync(handlingDays: 2);
        await h.CreateSkuAsync("A", onHand: 1, lot: ("L1", 5, 10));
        await h.CreateSkuAsync("B", onHand: 0, cap: 3);

        var result = await h.Place.PlaceAsync("key-1", Order(("A", 2), ("B", 1)), Ct);

        var placed = Assert.IsType<PlaceOrderResult.Placed>(result);
        Assert.Equal(OrderStatus.Confirmed, placed.Order.Status);
        Assert.False(placed.Replayed);
        var today = new DateOnly(2026, 3, 2);
        Assert.Equal(today.AddDays(10 + 2), placed.Order.Lines[0].PromiseDate);
        Assert.Equal(new SupplySourceView(SupplyKind.Lot, "acme", "L1"), placed.Order.Lines[0].Source);
        Assert.Equal(today.AddDays(10 + 2), placed.Order.Lines[1].PromiseDate); // cap: 10 days after the last confirmed supply (today)
        Assert.Equal(SupplyKind.Cap, placed.Order.Lines[1].Source!.Kind);
        Assert.Equal(2, h.Publisher.Published.Count);
        var (_, message) = Assert.Single(h.Publisher.Published, p => p.Queue == "reconcile");
        Assert.Equal(placed.Order.OrderId + "-confirmed", message.MessageId);
        Assert.Contains("\"order.confirmed\"", message.Body, StringComparison.Ordinal);
        var (_, notice) = Assert.Single(h.Publisher.Published, p => p.Queue == h.Notifications.Queue);
        var confirmed = NotificationMessageSerializer.Deserialize(notice.Body).Notification;
        Assert.Equal((NotificationKind.OrderConfirmed, "customer-1", placed.Order.OrderId), (confirmed.Kind, confirmed.CustomerId, confirmed.OrderId));
        Assert.Equal(today.AddDays(10 + 2), confirmed.PromisedDate); // the latest line's promise: when the whole order can ship
        Assert.Equal(confirmed.DeduplicationKey, notice.MessageId);
        Assert.Equal((2, 2), await h.ReservedAsync("A"));
        Assert.Equal((1, 1), await h.ReservedAsync("B"));
    }

    [Fact]
    public async Task Place_OneAfterAnother_StartOnTheNextShardInTurn()
    {
        // Placements of one instance turn through the shards with free units, so placements running together do not
        // meet on one shard (a random pick would put 2 of 8 on one shard in all but 0.24% of runs).
        var h = new OrderingHarness(shards: 8);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 80);

        for (var i = 0; i < 8; i++)
        {
            Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-" + i, Order(("A", 1)), Ct));
        }

        var shards = new List<int>();
        foreach (var (orderId, _) in await h.ReservationsAsync("A"))
        {
            shards.Add(Assert.Single((await h.Supply.GetReservationAsync(Sku.From("A"), orderId, 1, Ct))!.Parts).Shard);
        }

        Assert.Equal(Enumerable.Range(0, 8), shards.Order());
    }

    [Fact]
    public async Task Place_PromiseDate_IsTheShopsLocalDate()
    {
        var h = new OrderingHarness();
        h.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero)); // already March 3rd in Berlin
        await h.ConfigureShopAsync("Europe/Berlin", handlingDays: 0);
        await h.CreateSkuAsync("A", onHand: 5);

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 1)), Ct));

        Assert.Equal(new DateOnly(2026, 3, 3), placed.Order.Lines[0].PromiseDate);
    }

    [Fact]
    public async Task Place_SameKeySameBody_ReturnsTheSameAnswer_WithoutReservingAgain()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);

        var first = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-1", Order(("A", 3)), Ct));
        var second = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-1", Order(("A", 3)), Ct));

        Assert.True(second.Replayed);
        Assert.Equal(JsonSerializer.Serialize(first.Order), JsonSerializer.Serialize(second.Order));
        Assert.Equal((3, 3), await h.ReservedAsync("A"));
        Assert.Equal(2, h.Publisher.Published.Count); // the reconcile message and the customer's notice, once
    }

    [Fact]
    public async Task Place_SameKeyDifferentBody_IsRefusedAsKeyReuse()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);
        await h.Place.PlaceAsync("key-1", Order(("A", 3)), Ct);

        var result = await h.Place.PlaceAsync("key-1", Order(("A", 4)), Ct);

        Assert.IsType<PlaceOrderResult.KeyReused>(result);
        Assert.Equal((3, 3), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task Place_ShippingCharge_IsStoredWithTheOrder_AndIsPartOfTheIdempotentRequest()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-1", Order(("A", 1)) with { ShippingCharge = 4.90m }, Ct));
        var sameCharge = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-1", Order(("A", 1)) with { ShippingCharge = 4.9m }, Ct));
        var otherCharge = await h.Place.PlaceAsync("key-1", Order(("A", 1)) with { ShippingCharge = 5.90m }, Ct);
        var noCharge = await h.Place.PlaceAsync("key-1", Order(("A", 1)), Ct);

        Assert.Equal(4.90m, placed.Order.ShippingCharge);
        Assert.Equal(19.99m, placed.Order.Total);
        Assert.Equal(new Money(4.90m, "EUR"), (await h.Orders.GetAsync(placed.Order.OrderId, Ct))!.Order.ShippingCharge);
        Assert.True(sameCharge.Replayed);
        Assert.IsType<PlaceOrderResult.KeyReused>(otherCharge);
        Assert.IsType<PlaceOrderResult.KeyReused>(noCharge);
        Assert.Equal((1, 1), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task Place_WithoutAShippingCharge_ChargesNone_AndAChargeOfZeroIsTheSameRequest()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-1", Order(("A", 1)), Ct));
        var zero = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("key-1", Order(("A", 1)) with { ShippingCharge = 0.00m }, Ct));

        // Stored without a shipping column, as orders were before shipping charges existed: read back as nothing charged.
        var stored = await h.Store.GetAsync(h.Options.OrdersTable, (await h.Orders.GetAsync(placed.Order.OrderId, Ct))!.Partition, "order|" + placed.Order.OrderId, Ct);
        Assert.False(stored!.Properties.ContainsKey("ShippingCharge"));
        Assert.Equal(Money.Zero("EUR"), (await h.Orders.GetAsync(placed.Order.OrderId, Ct))!.Order.ShippingCharge);
        Assert.Equal(0m, placed.Order.ShippingCharge);
        Assert.True(zero.Replayed);
        Assert.Equal(placed.Order.OrderId, zero.Order.OrderId);
    }

    [Theory]
    [InlineData("EUR", "-0.01", "between 0 and")]
    [InlineData("EUR", "1000000000.01", "between 0 and")]
    [InlineData("EUR", "4.999", "at most 2 decimals")]
    [InlineData("JPY", "500.5", "whole amount")]
    public async Task Place_ShippingChargeOutOfRangeOrFinerThanTheCurrency_IsInvalidNamingTheField(string currency, string charge, string message)
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);
        var amount = decimal.Parse(charge, System.Globalization.CultureInfo.InvariantCulture);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(await h.Place.PlaceAsync("key-1", Order(("A", 1)) with { Currency = currency, ShippingCharge = amount }, Ct));

        Assert.Equal(["shippingCharge"], invalid.Errors.Keys);
        Assert.Contains(message, invalid.Errors["shippingCharge"][0], StringComparison.Ordinal);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task Place_WhenSupplyExhausted_RejectsWithAvailableQuantityAndEarliestDate_AndReservesNothing()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync(handlingDays: 1);
        await h.CreateSkuAsync("A", onHand: 10);
        await h.CreateSkuAsync("B", onHand: 2, lot: ("L1", 1, 20));

        var result = await h.Place.PlaceAsync("key-1", Order(("A", 4), ("B", 5)), Ct);

        var shortage = Assert.IsType<PlaceOrderResult.Short>(result);
        Assert.Equal(10, shortage.Lines[0].Available);
        Assert.True(shortage.Lines[0].Sufficient);
        Assert.Equal(3, shortage.Lines[1].Available);
        Assert.Equal(new DateOnly(2026, 3, 2).AddDays(20 + 1), shortage.Lines[1].EarliestPromiseDate);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        Assert.Equal((0, 0), await h.ReservedAsync("B"));
        Assert.Empty(h.Publisher.Published);

        var replay = Assert.IsType<PlaceOrderResult.Short>(await h.Place.PlaceAsync("key-1", Order(("A", 4), ("B", 5)), Ct));
        Assert.True(replay.Replayed);
        Assert.Equal(3, replay.Lines[1].Available);
    }

    [Fact]
    public async Task Place_SkuRules_NameTheFieldOfEachBrokenLine()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10, maxPerOrder: 2);
        await h.Skus.PutAsync(Sku.From("OFF"), new(false, null, null, 5, 5, null, null, null), Ct);
        await h.Skus.PutAsync(Sku.From("LATER"), new(true, h.Time.GetUtcNow().AddDays(1), null, 5, 5, null, null, null), Ct);
        await h.Skus.PutAsync(Sku.From("OVER"), new(true, null, h.Time.GetUtcNow(), 5, 5, null, null, null), Ct);

        var result = await h.Place.PlaceAsync("key-1", Order(("A", 3), ("NOPE", 1), ("OFF", 1), ("LATER", 1), ("OVER", 1)), Ct);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(result);
        Assert.Contains("At most 2", invalid.Errors["lines[0].quantity"][0], StringComparison.Ordinal);
        Assert.Contains("not known", invalid.Errors["lines[1].sku"][0], StringComparison.Ordinal);
        Assert.Contains("not on pre-sale", invalid.Errors["lines[2].sku"][0], StringComparison.Ordinal);
        Assert.Contains("opens", invalid.Errors["lines[3].sku"][0], StringComparison.Ordinal);
        Assert.Contains("ended", invalid.Errors["lines[4].sku"][0], StringComparison.Ordinal);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task Place_RequestRules_NameEveryField()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        var request = new PlaceOrderRequest(
            "",
            (CustomerTier)42,
            new NotificationContactRequest("not-an-email", "0123"),
            [new PlaceOrderLineRequest("A", 0, -1m), new PlaceOrderLineRequest("bad sku!", 1_000_000, 1.23456m), new PlaceOrderLineRequest("A", 1, null)],
            "eur",
            false);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(await h.Place.PlaceAsync("key-1", request, Ct));

        Assert.Equal(
            ["acceptPreSaleTerms", "currency", "customerId", "lines[0].quantity", "lines[0].unitPrice", "lines[1].quantity", "lines[1].sku", "lines[1].unitPrice", "lines[2].sku", "lines[2].unitPrice", "notificationContact.email", "notificationContact.phone", "tier"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Place_WithoutKeyOrInAnotherCurrency_IsInvalid()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);

        var noKey = Assert.IsType<PlaceOrderResult.Invalid>(await h.Place.PlaceAsync(null, Order(("A", 1)), Ct));
        var usd = Assert.IsType<PlaceOrderResult.Invalid>(await h.Place.PlaceAsync("k", Order(("A", 1)) with { Currency = "USD" }, Ct));

        Assert.Contains("Idempotency-Key", noKey.Errors.Keys);
        Assert.Contains("EUR", usd.Errors["currency"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Place_BeforeTheShopIsConfigured_SaysSo()
    {
        var h = new OrderingHarness();

        Assert.IsType<PlaceOrderResult.ShopNotConfigured>(await h.Place.PlaceAsync("k", Order(("A", 1)), Ct));
    }

    [Fact]
    public async Task Place_AfterTheFirstUnitsAreGone_PromisesTheNextSupply()
    {
        var h = new OrderingHarness(shards: 4);
        await h.ConfigureShopAsync(handlingDays: 0);
        await h.CreateSkuAsync("A", onHand: 3, lot: ("L1", 3, 7));

        var promises = new List<DateOnly?>();
        for (var i = 0; i < 6; i++)
        {
            var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k" + i, Order(("A", 1)), Ct));
            promises.Add(placed.Order.Lines[0].PromiseDate);
        }

        var today = new DateOnly(2026, 3, 2);
        Assert.Equal([today, today, today, today.AddDays(7), today.AddDays(7), today.AddDays(7)], promises);
    }
}
