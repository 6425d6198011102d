using Microsoft.Extensions.Time.Testing;
using Presale.Application.Orders;
using Presale.Application.Storage;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Oversubscribes supply tenfold with 64 concurrent clients and checks that exactly the available units are
/// accepted, whole orders only. Runs against every store a subclass supplies (the twin here, Azurite through the
/// Table adapter in the adapter's test suite).
/// </summary>
public abstract class NoOversellTests
{
    protected const int Clients = 64;

    /// <summary>The store under test; each call returns a store whose tables do not collide with other tests.</summary>
    protected abstract ITableStore CreateStore(TimeProvider timeProvider);

    /// <summary>A table-name prefix unique to one test run (stores shared between tests need one).</summary>
    protected virtual string TablePrefix() => "t";

    [Fact]
    public async Task OneSku_OversubscribedTenfoldBy64Clients_AcceptsExactlyTheAvailableUnits()
    {
        var h = CreateHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("HOT", onHand: 20, cap: 5, lot: ("L1", 15, 10));
        const int capacity = 40;

        var results = await RunClientsAsync(capacity * 10, i => Order(("HOT", 1)), h);

        var placed = results.OfType<PlaceOrderResult.Placed>().ToList();
        Assert.Equal(capacity, placed.Count);
        Assert.Equal(capacity * 10 - capacity, results.OfType<PlaceOrderResult.Short>().Count());
        Assert.Equal((capacity, capacity), await h.ReservedAsync("HOT"));
        var reservations = await h.ReservationsAsync("HOT");
        Assert.Equal(placed.Select(p => p.Order.OrderId).Order(), reservations.Select(r => r.OrderId).Order());
        Assert.Equal(0, (await h.StateAsync("HOT")).Available(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public async Task Baskets_OversubscribedTenfoldBy64Clients_AcceptWholeBasketsWithinEverySkusSupply()
    {
        var h = CreateHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 10);
        await h.CreateSkuAsync("B", onHand: 15);
        await h.CreateSkuAsync("C", onHand: 20);

        var results = await RunClientsAsync(250, i => i % 2 == 0 ? Order(("A", 1), ("B", 1), ("C", 1)) : Order(("C", 1), ("B", 1)), h);

        // B, on every basket, is the binding supply. A basket refused on one SKU gives back what it held of another, so
        // in the race a basket can be refused on units held only for a moment: at most 15 are accepted, and one client
        // ordering afterwards takes exactly what is left of B.
        var placed = results.OfType<PlaceOrderResult.Placed>().Select(p => p.Order).ToList();
        Assert.InRange(placed.Count, 1, 15);
        var afterwards = await RunClientsAsync(16 - placed.Count, i => Order(("C", 1), ("B", 1)), h, clients: 1, firstIndex: 250);
        Assert.Single(afterwards.OfType<PlaceOrderResult.Short>());
        placed.AddRange(afterwards.OfType<PlaceOrderResult.Placed>().Select(p => p.Order));
        var withA = placed.Count(o => o.Lines.Any(l => l.Sku == "A"));
        Assert.Equal(15, placed.Count);
        Assert.Equal((withA, withA), await h.ReservedAsync("A"));
        Assert.Equal((15, 15), await h.ReservedAsync("B"));
        Assert.Equal((15, 15), await h.ReservedAsync("C"));
        var reservedOrders = (await h.ReservationsAsync("A")).Concat(await h.ReservationsAsync("B")).Concat(await h.ReservationsAsync("C"))
            .Select(r => r.OrderId).ToHashSet();
        Assert.True(reservedOrders.SetEquals(placed.Select(o => o.OrderId)), "A reservation belongs to an order that was not accepted.");
    }

    private OrderingHarness CreateHarness()
    {
        var time = new FakeTimeProvider(Presale.Testing.TestClock.Start);
        return new OrderingHarness(CreateStore(time), shards: 16, tablePrefix: TablePrefix());
    }

    private static async Task<List<PlaceOrderResult>> RunClientsAsync(int attempts, Func<int, PlaceOrderRequest> order, OrderingHarness h, int clients = Clients, int firstIndex = 0)
    {
        var next = firstIndex - 1;
        var results = new System.Collections.Concurrent.ConcurrentBag<PlaceOrderResult>();
        var running = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < firstIndex + attempts)
            {
                results.Add(await h.Place.PlaceAsync("order-" + i, order(i), Ct));
            }
        }));
        await Task.WhenAll(running);
        Assert.Equal(attempts, results.Count);
        return [.. results];
    }
}
