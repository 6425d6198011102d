using Presale.Adapters.InMemory;
using Presale.Application.Catalog;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Supply;

public sealed class ReservationServiceTests
{
    [Fact]
    public async Task Reserve_ResumedLineHoldingTheLastUnits_ReturnsItsOwnReservation_NotShort()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 2);
        var shop = (await h.Shops.GetAsync(Ct))!;
        var first = Assert.IsType<ReserveOutcome.Reserved>(await h.Reservations.ReserveAsync(Sku.From("A"), "o1", 1, 2, shop, null, resumed: false, Ct));

        var resumed = await h.Reservations.ReserveAsync(Sku.From("A"), "o1", 1, 2, shop, null, resumed: true, Ct);
        var beside = await h.Reservations.ReserveAsync(Sku.From("A"), "o1", 1, 2, shop, null, resumed: false, Ct);

        foreach (var own in new[] { resumed, beside }) // beside: short only because of its own units
        {
            var held = Assert.IsType<ReserveOutcome.Reserved>(own).Reservation;
            Assert.Equal(first.Reservation.Parts, held.Parts);
            Assert.Equal(first.Reservation.Promise, held.Promise);
        }

        Assert.Equal((2, 2), await h.ReservedAsync("A"));
        Assert.IsType<ReserveOutcome.Short>(await h.Reservations.ReserveAsync(Sku.From("A"), "o2", 1, 1, shop, null, resumed: true, Ct));
    }

    public static TheoryData<string, string> ChangesThatEndOrderability => new()
    {
        { "pre-sale off", "lines[0].sku" },
        { "window closed", "lines[0].sku" },
        { "maximum lowered", "lines[0].quantity" },
    };

    [Theory]
    [MemberData(nameof(ChangesThatEndOrderability))]
    public async Task Reserve_AfterAConflictWithASettingsChange_ChecksOrderabilityAgain(string change, string field)
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);
        var shop = (await h.Shops.GetAsync(Ct))!;
        var snapshot = await h.StateAsync("A");
        await ChangeAsync(h, change); // rewrites the shards: the write computed from the snapshot meets a conflict

        var outcome = await h.Reservations.ReserveAsync(Sku.From("A"), "o1", 1, 3, shop, snapshot, resumed: false, Ct);

        var refused = Assert.IsType<ReserveOutcome.NotOrderable>(outcome);
        Assert.Equal([field], refused.Errors.Keys);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
    }

    [Fact]
    public async Task Place_WhenPreSaleIsSwitchedOffWhileTheLineIsReserved_IsRejectedNamingTheLine_AndHoldsNothing()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);
        await h.CreateSkuAsync("B", onHand: 10);
        var switched = 0;
        store.Before = async call =>
        {
            // Just before the first reservation write of B, an operator switches B's pre-sale off.
            if (call.Table == h.Options.SupplyTable && call.Operations.Any(o => o.Entity.RowKey.StartsWith("7|res|", StringComparison.Ordinal) && o.Entity.PartitionKey == "B")
                && Interlocked.Exchange(ref switched, 1) == 0)
            {
                await ChangeAsync(h, "pre-sale off", "B");
            }
        };

        var result = await h.Place.PlaceAsync("k", Order(("A", 1), ("B", 2)), Ct);

        var invalid = Assert.IsType<PlaceOrderResult.Invalid>(result);
        Assert.True(invalid.Errors.ContainsKey("lines[1].sku"), string.Join(", ", invalid.Errors.Keys));
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
        Assert.Equal((0, 0), await h.ReservedAsync("B"));
        Assert.Equal(OrderStatus.Rejected, (await h.Orders.GetAsync(OrderIds.ForIdempotencyKey("k").OrderId, Ct))!.Order.Status);
        Assert.Null((await h.Orders.GetAsync(OrderIds.ForIdempotencyKey("k").OrderId, Ct))!.SagaMarker);
    }

    private static async Task ChangeAsync(OrderingHarness h, string change, string sku = "A")
    {
        var now = h.Time.GetUtcNow();
        var request = change switch
        {
            "pre-sale off" => new SkuSettingsRequest(false, null, null, 0, 1000, null, 10, null),
            "window closed" => new SkuSettingsRequest(true, now.AddDays(-10), now.AddMinutes(-1), 0, 1000, null, 10, null),
            _ => new SkuSettingsRequest(true, null, null, 0, 2, null, 10, null),
        };
        Assert.IsType<SkuSettingsResult.Saved>(await h.Skus.PutAsync(Sku.From(sku), request, Ct));
    }
}
