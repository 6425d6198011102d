using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Fails each storage call of a two-SKU shipment in turn (once, from that call on as a dying process would, and applied
/// with its answer lost) and checks that after the saga sweeper the books balance: for every SKU, on hand is what it
/// was less what the order records as shipped, the reservation rows and the shards hold exactly the units not shipped,
/// the order has no shipment left taking its stock and no saga marker — for a shipment that ships, and for one whose
/// second SKU is short (refused: the first SKU's units given back).
/// </summary>
public sealed class ShipmentSagaFaultTests
{
    public static TheoryData<bool> Cases => [false, true];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Shipment_FailingAnyOneStorageCall_LeavesBooksThatBalance(bool secondSkuShort)
    {
        var calls = await CountCallsAsync(secondSkuShort);
        Assert.InRange(calls, 6, 80);
        for (var call = 1; call <= calls; call++)
        {
            await RunWithFaultAsync(secondSkuShort, failCall: call);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Shipment_DyingAtAnyStorageCall_LeavesBooksThatBalanceAfterTheSweeper(bool secondSkuShort)
    {
        var calls = await CountCallsAsync(secondSkuShort);
        for (var call = 1; call <= calls; call++)
        {
            await RunWithFaultAsync(secondSkuShort, failFrom: call);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Shipment_LosingTheAnswerOfAnyCommittedCall_LeavesBooksThatBalance_AndARetryGetsTheAnswer(bool secondSkuShort)
    {
        var calls = await CountCallsAsync(secondSkuShort);
        for (var call = 1; call <= calls; call++)
        {
            await RunWithFaultAsync(secondSkuShort, commitThenFail: call, retry: true);
        }
    }

    [Fact]
    public async Task Shipment_SettledByTheRequestAndTheSweeperAtOnce_TakesItsStockOnce()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var (h, orderId) = await ArrangeAsync(store, secondSkuShort: false);
        store.Arm(failFrom: 3); // the shipment is recorded pending, then the request dies
        await Assert.ThrowsAsync<IOException>(() => ShipAsync(h, orderId));
        store.Disarm();

        // The retry and the sweeper settle the same pending shipment side by side, their calls interleaved.
        store.Before = async _ => await Task.Yield();
        h.Time.Advance(h.Options.ReleaseRetryDelay);
        var retry = Task.Run(() => ShipAsync(h, orderId), Ct);
        var sweep = Task.Run(() => h.SagaSweep.RunAsync(Ct), Ct);
        await Task.WhenAll(retry, sweep);
        store.Before = null;

        Assert.IsType<RecordShipmentResult.Recorded>(await retry);
        await AssertBooksBalanceAsync(h, orderId, "concurrent settle", expectShipped: true);
    }

    private static async Task<int> CountCallsAsync(bool secondSkuShort)
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var (h, orderId) = await ArrangeAsync(store, secondSkuShort);
        store.Arm();
        var result = await ShipAsync(h, orderId);
        Assert.True(secondSkuShort ? result is RecordShipmentResult.Conflict { Slug: "insufficient-stock" } : result is RecordShipmentResult.Recorded, $"probe: {result}");
        return store.Calls;
    }

    private static async Task RunWithFaultAsync(bool secondSkuShort, int? failCall = null, int? failFrom = null, int? commitThenFail = null, bool retry = false)
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var (h, orderId) = await ArrangeAsync(store, secondSkuShort);
        var label = $"{(secondSkuShort ? "short" : "in stock")}: fault at call {failCall ?? failFrom ?? commitThenFail}{(failFrom is null ? string.Empty : " and after")}{(commitThenFail is null ? string.Empty : " (applied, answer lost)")}";
        store.Arm(failCall, failFrom, commitThenFail);
        RecordShipmentResult? result = null;
        try
        {
            result = await ShipAsync(h, orderId);
        }
        catch (IOException)
        {
            // The injected fault: the caller sees an error (and would retry); the sweeper must finish what was started.
        }

        store.Disarm();
        if (retry)
        {
            result = await ShipAsync(h, orderId);
            Assert.True(secondSkuShort ? result is RecordShipmentResult.Conflict { Slug: "insufficient-stock" } : result is RecordShipmentResult.Recorded, $"{label}: the retry got {result}.");
        }

        h.Time.Advance(h.Options.ReleaseRetryDelay + h.Options.OutboxGrace + TimeSpan.FromSeconds(1));
        await h.SagaSweep.RunAsync(Ct);
        await h.OutboxSweep.RunAsync(Ct);

        var shipped = await AssertBooksBalanceAsync(h, orderId, label, expectShipped: null);
        Assert.True(!secondSkuShort || !shipped, $"{label}: a shipment with a short SKU counts as shipped.");
        Assert.True(shipped || result is null or RecordShipmentResult.Conflict, $"{label}: the caller was told {result}, but nothing shipped.");
        Assert.True(!shipped || result is null or RecordShipmentResult.Recorded, $"{label}: the caller was told {result}, but the shipment shipped.");
        Assert.True(!shipped || h.Publisher.Published.Any(p => p.Message.MessageId == orderId + "-shipped-1"), $"{label}: a shipped shipment's reconcile message was never published.");
    }

    /// <summary>Checks the books of both SKUs against the order; returns whether the shipment counts as shipped.</summary>
    internal static async Task<bool> AssertBooksBalanceAsync(OrderingHarness h, string orderId, string label, bool? expectShipped)
    {
        var stored = (await h.Orders.GetAsync(orderId, Ct))!;
        Assert.True(stored.SagaMarker is null, $"{label}: the order keeps a saga marker.");
        Assert.True(stored.Order.ShipmentRecords.All(s => s.Stock != ShipmentStock.Pending), $"{label}: a shipment is still taking its stock.");
        var markers = 0;
        await foreach (var _ in h.Store.QueryAllAsync(h.Options.OrdersTable, TableFilter.RowPrefix(stored.Partition, "saga|"), 100, Ct))
        {
            markers++;
        }

        Assert.True(markers == 0, $"{label}: a saga marker row is left.");
        foreach (var (sku, onHand) in new[] { ("A", 5), ("B", 5) })
        {
            var line = stored.Order.Lines.Single(l => l.Sku == Sku.From(sku));
            var shippedUnits = stored.Order.QuantityShipped(line.Sku);
            var state = await h.StateAsync(sku);
            var initial = sku == "B" && line.Promise!.Source.Kind == Domain.Supply.SupplyKind.Cap ? 0 : onHand;
            Assert.True(state.Ledger.OnHand == initial - shippedUnits, $"{label}: {sku} has {state.Ledger.OnHand} on hand, expected {initial} less {shippedUnits} shipped.");
            Assert.True(await h.ReservedAsync(sku) == (line.Quantity - shippedUnits, line.Quantity - shippedUnits), $"{label}: {sku} reserves {await h.ReservedAsync(sku)}, expected {line.Quantity - shippedUnits} not shipped.");
            Assert.True(state.IsConsistent && state.Ledger.Targets().All(t => state.Shards.Sum(s => (long)s.Shard[t.Key].Quota) == t.Value), $"{label}: {sku}'s quotas do not add up to its ledger.");
        }

        var shipped = stored.Order.Shipments.Count == 1;
        Assert.True(expectShipped is null || expectShipped == shipped, $"{label}: shipped is {shipped}.");
        return shipped;
    }

    private static Task<RecordShipmentResult> ShipAsync(OrderingHarness h, string orderId) =>
        ShipmentStockTests.ShipAsync(h, orderId, "parcel-1", delivered: true, ("A", 2), ("B", 1));

    /// <summary>A with 5 on hand; B with 5 on hand, or none and a cap of 2 (short); an order of 2 A and 1 B.</summary>
    private static async Task<(OrderingHarness H, string OrderId)> ArrangeAsync(FaultInjectingTableStore store, bool secondSkuShort)
    {
        var h = await ShipmentStockTests.ArrangeAsync(store, ("A", 5, 0), ("B", secondSkuShort ? 0 : 5, secondSkuShort ? 2 : 0));
        var orderId = await ShipmentStockTests.PlaceAsync(h, "order-1", ("A", 2), ("B", 1));
        return (h, orderId);
    }
}
