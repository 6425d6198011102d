using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Application.Tests.Orders;
using Presale.Application.Tests.Reconciliation;
using Presale.Application.Tests.Returns;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Tests.Supply;

/// <summary>
/// The supply ledger's books balance after every step of any history of goods receipts, stock adjustments, orders,
/// shipments, cancellations, returns and restocks — some steps run concurrently, as the product allows: for every SKU,
/// on hand = received + adjustments + restocked returns − shipped; the reservation rows and the shards both hold exactly
/// the units of confirmed lines not yet shipped (none for a cancelled or refused order); reserved ≤ on hand + inbound +
/// cap; and the shipments' stock rows, the orders' shipments and the ledger agree on what shipped. Runs against every
/// store a subclass supplies (the twin, Azurite).
/// </summary>
public abstract class SupplyBooksPropertyTests
{
    private static readonly string[] Skus = ["A", "B"];

    /// <summary>The store under test; each call returns a store whose tables do not collide with other tests.</summary>
    protected abstract ITableStore CreateStore();

    /// <summary>A table-name prefix unique to one history (stores shared between tests need one).</summary>
    protected virtual string TablePrefix() => "t";

    /// <summary>Histories checked, and the most steps of each.</summary>
    protected abstract (int Histories, int Steps) Size { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// One step: <paramref name="Kind"/> 0 place, 1 adjust stock, 2 goods receipt (and its reconcile), 3 ship, 4 cancel,
    /// 5 return and restock a delivered unit, 6 reconcile, 7 a burst of orders, shipments, cancellations and adjustments
    /// at once. <paramref name="A"/>, <paramref name="B"/> and <paramref name="C"/> pick what the step acts on.
    /// </summary>
    public sealed record Step(int Kind, int A, int B, int C)
    {
        public override string ToString() => $"{Kind}({A},{B},{C})";
    }

    private static Gen<Step> StepGen =>
        from kind in Gen.Frequency(
            (5, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (5, Gen.Constant(3)),
            (2, Gen.Constant(4)), (2, Gen.Constant(5)), (1, Gen.Constant(6)), (2, Gen.Constant(7)))
        from a in Gen.Choose(0, 1000)
        from b in Gen.Choose(0, 1000)
        from c in Gen.Choose(0, 1000)
        select new Step(kind, a, b, c);

    [Fact]
    public void Books_BalanceAfterEveryStep_OfAnyHistory()
    {
        var (histories, steps) = Size;
        Prop.ForAll(
            Gen.ListOf(StepGen).Select(s => s.Take(steps).ToArray()).ToArbitrary(),
            history => RunAsync(history).GetAwaiter().GetResult())
        .Check(Config.QuickThrowOnFailure.WithMaxTest(histories));
    }

    private async Task<bool> RunAsync(Step[] history)
    {
        var world = await World.CreateAsync(CreateStore(), TablePrefix());
        await CheckAsync(world, "set-up");
        for (var i = 0; i < history.Length; i++)
        {
            world.H.Time.Advance(TimeSpan.FromMinutes(1));
            await world.ApplyAsync(history[i]);
            await CheckAsync(world, $"step {i + 1} of [{string.Join(", ", history)}]");
        }

        return true;
    }

    private static async Task CheckAsync(World world, string after)
    {
        var h = world.H;
        var stored = new Dictionary<string, StoredOrder>(StringComparer.Ordinal);
        foreach (var order in world.Orders)
        {
            var found = (await h.Orders.GetAsync(order.Id, Ct))!;
            stored[order.Id] = found;
            Require(found.Order.Status == order.Status, after, $"order {order.Id} is {found.Order.Status}, the model says {order.Status}");
            Require(found.SagaMarker is null && found.Order.ShipmentRecords.All(s => s.Stock != ShipmentStock.Pending), after, $"order {order.Id} has a shipment left taking its stock");
            foreach (var line in found.Order.Lines)
            {
                Require(found.Order.QuantityShipped(line.Sku) == order.Shipped.GetValueOrDefault(line.Sku.Value), after, $"order {order.Id} shipped {found.Order.QuantityShipped(line.Sku)} of {line.Sku}, the model says {order.Shipped.GetValueOrDefault(line.Sku.Value)}");
            }
        }

        foreach (var sku in Skus)
        {
            var state = await h.StateAsync(sku);
            var shipped = world.Orders.Sum(o => o.Shipped.GetValueOrDefault(sku));
            var expectedOnHand = world.Received[sku] + world.Adjusted[sku] + world.Restocked[sku] - shipped;
            Require(state.Ledger.OnHand == expectedOnHand, after, $"{sku}: on hand {state.Ledger.OnHand} ≠ received {world.Received[sku]} + adjusted {world.Adjusted[sku]} + restocked {world.Restocked[sku]} − shipped {shipped}");
            Require(await world.ShippedByStockRowsAsync(sku) == shipped, after, $"{sku}: the shipments' stock rows took {await world.ShippedByStockRowsAsync(sku)}, the orders shipped {shipped}");

            var rows = await h.ReservationsAsync(sku);
            var open = 0L;
            foreach (var order in stored.Values.Where(o => o.Order.Status == OrderStatus.Confirmed))
            {
                foreach (var line in order.Order.Lines.Where(l => l.Sku.Value == sku))
                {
                    var left = line.Quantity - order.Order.QuantityShipped(line.Sku);
                    open += left;
                    var held = rows.Where(r => r.OrderId == order.Order.Id).Sum(r => r.Quantity);
                    Require(held == left, after, $"{sku}: order {order.Order.Id} holds {held} but has {left} not shipped");
                }
            }

            Require(rows.All(r => stored.TryGetValue(r.OrderId, out var o) && o.Order.Status == OrderStatus.Confirmed), after, $"{sku}: a reservation belongs to an order that is not confirmed");
            Require(rows.Sum(r => (long)r.Quantity) == open && state.Reserved == open, after, $"{sku}: rows reserve {rows.Sum(r => r.Quantity)}, shards {state.Reserved}, open lines {open}");
            Require(state.Reserved <= state.Ledger.OnHand + state.Ledger.Inbound + state.Ledger.Cap, after, $"{sku}: {state.Reserved} reserved of on hand {state.Ledger.OnHand} + inbound {state.Ledger.Inbound} + cap {state.Ledger.Cap}");
            Require(state.IsConsistent && state.Ledger.Targets().All(t => state.Shards.Sum(s => (long)s.Shard[t.Key].Quota) == t.Value), after, $"{sku}: the shards' quotas do not add up to the ledger");
        }
    }

    private static void Require(bool holds, string after, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"After {after}: {what}.");
        }
    }

    /// <summary>What the model expects of one order.</summary>
    private sealed class ModelOrder(string id, string customer, Dictionary<string, int> lines, OrderStatus status)
    {
        public string Id { get; } = id;

        public string Customer { get; } = customer;

        public Dictionary<string, int> Lines { get; } = lines;

        public OrderStatus Status { get; set; } = status;

        public Dictionary<string, int> Shipped { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Returned { get; } = new(StringComparer.Ordinal);

        public int LeftToShip(string sku) => Lines.GetValueOrDefault(sku) - Shipped.GetValueOrDefault(sku);

        public bool FullyShipped => Lines.All(l => Shipped.GetValueOrDefault(l.Key) >= l.Value);
    }

    /// <summary>The use cases over one store, and the model of what they did.</summary>
    private sealed class World
    {
        private readonly object _gate = new();
        private int _next;
        private int _lotLeft = 6;

        private World(ReturnsHarness returns, ReconciliationHarness reconciliation)
        {
            Returns = returns;
            Reconciliation = reconciliation;
        }

        public ReturnsHarness Returns { get; }

        public ReconciliationHarness Reconciliation { get; }

        public OrderingHarness H => Returns.Ordering;

        public List<ModelOrder> Orders { get; } = [];

        public Dictionary<string, int> Received { get; } = new(StringComparer.Ordinal) { ["A"] = 0, ["B"] = 0 };

        public Dictionary<string, int> Adjusted { get; } = new(StringComparer.Ordinal) { ["A"] = 0, ["B"] = 0 };

        public Dictionary<string, int> Restocked { get; } = new(StringComparer.Ordinal) { ["A"] = 0, ["B"] = 0 };

        /// <summary>A with 3 on hand, lot L1 of 6 units in 10 days and a cap of 2; B with 2 on hand and a cap of 3. Both returnable.</summary>
        public static async Task<World> CreateAsync(ITableStore store, string prefix)
        {
            var returns = new ReturnsHarness(store, prefix);
            var world = new World(returns, new ReconciliationHarness(ordering: returns.Ordering));
            var h = world.H;
            await h.ConfigureShopAsync();
            foreach (var (sku, onHand, cap) in new[] { ("A", 3, 2), ("B", 2, 3) })
            {
                Assert.IsType<Catalog.SkuSettingsResult.Saved>(await h.Skus.PutAsync(Sku.From(sku), new Catalog.SkuSettingsRequest(true, null, null, cap, 10, null, 10, "audio"), Ct));
                Assert.IsType<StockAdjustmentResult.Applied>(await h.Stock.AdjustAsync(Sku.From(sku), "init-" + sku, new StockAdjustmentRequest(onHand, StockAdjustmentReason.Delivery, null), Ct));
                world.Adjusted[sku] = onHand;
            }

            var today = DateOnly.FromDateTime(h.Time.GetUtcNow().UtcDateTime);
            Assert.IsType<LotRegistrationResult.Registered>(await h.Lots.RegisterAsync("acme", new RegisterLotRequest("L1", "PO-L1", today.AddDays(10), [new LotLineRequest("A", 6)]), Ct));
            return world;
        }

        public async Task ApplyAsync(Step step)
        {
            switch (step.Kind)
            {
                case 0:
                    await PlaceAsync(step);
                    break;
                case 1:
                    await AdjustAsync(step);
                    break;
                case 2:
                    await ReceiveAsync(step);
                    break;
                case 3:
                    if (Pick(Orders.Where(o => o.Status == OrderStatus.Confirmed && !o.FullyShipped), step.A) is { } toShip)
                    {
                        await ShipAsync(toShip, step, concurrent: false);
                    }

                    break;
                case 4:
                    if (Pick(Orders, step.A) is { } toCancel)
                    {
                        await CancelAsync(toCancel, concurrent: false);
                    }

                    break;
                case 5:
                    await ReturnAndRestockAsync(step);
                    break;
                case 6:
                    await Reconciliation.ReconcileAsync("A");
                    await Reconciliation.ReconcileAsync("B");
                    break;
                default:
                    await BurstAsync(step);
                    break;
            }
        }

        /// <summary>Units of <paramref name="sku"/> the shipments' stock rows took (and did not give back).</summary>
        public async Task<int> ShippedByStockRowsAsync(string sku)
        {
            var units = 0;
            await foreach (var row in H.Store.QueryAllAsync(H.Options.SupplyTable, TableFilter.RowPrefix(sku, "6|ship|"), 1000, Ct))
            {
                units += row.GetString("State") == "Taken" ? row.GetInt32("ShippedUnits") ?? 0 : 0;
            }

            return units;
        }

        private static T? Pick<T>(IEnumerable<T> candidates, int choice)
            where T : class
        {
            var list = candidates.ToList();
            return list.Count == 0 ? null : list[choice % list.Count];
        }

        private int Next()
        {
            lock (_gate)
            {
                return ++_next;
            }
        }

        private async Task PlaceAsync(Step step)
        {
            var lines = new List<(string Sku, int Quantity)>();
            if (step.B % 3 != 2)
            {
                lines.Add(("A", 1 + (step.B % 3)));
            }

            if (step.B % 3 != 0)
            {
                lines.Add(("B", 1 + (step.C % 2)));
            }

            var n = Next();
            var customer = "c" + n.ToString(CultureInfo.InvariantCulture);
            var request = OrderingHarness.Order([.. lines]) with { CustomerId = customer };
            var result = await H.Place.PlaceAsync("order-" + n.ToString(CultureInfo.InvariantCulture), request, Ct);
            var (id, status) = result switch
            {
                PlaceOrderResult.Placed placed => (placed.Order.OrderId, OrderStatus.Confirmed),
                PlaceOrderResult.Short refused => (refused.OrderId, OrderStatus.Rejected),
                _ => throw new InvalidOperationException($"Placing {string.Join(", ", lines)} answered {result}."),
            };
            lock (_gate)
            {
                Orders.Add(new ModelOrder(id, customer, lines.ToDictionary(l => l.Sku, l => l.Quantity, StringComparer.Ordinal), status));
            }
        }

        private async Task AdjustAsync(Step step)
        {
            var sku = Skus[step.A % 2];
            var delta = (step.B % 5) - 2 is var d && d != 0 ? d : 1;
            var reason = delta > 0 ? StockAdjustmentReason.Found : StockAdjustmentReason.Damaged;
            var result = await H.Stock.AdjustAsync(Sku.From(sku), "adj-" + Next().ToString(CultureInfo.InvariantCulture), new StockAdjustmentRequest(delta, reason, null), Ct);
            switch (result)
            {
                case StockAdjustmentResult.Applied:
                    lock (_gate)
                    {
                        Adjusted[sku] += delta;
                    }

                    break;
                case StockAdjustmentResult.BelowReserved or StockAdjustmentResult.Invalid:
                    break; // below what is reserved on hand, or below zero: refused, nothing changed
                default:
                    throw new InvalidOperationException($"Adjusting {sku} by {delta} answered {result}.");
            }
        }

        private async Task ReceiveAsync(Step step)
        {
            if (_lotLeft == 0)
            {
                return;
            }

            var units = 1 + (step.B % Math.Min(3, _lotLeft));
            var received = await Reconciliation.ReceiptAsync("receipt-" + Next().ToString(CultureInfo.InvariantCulture), "L1", H.Time.GetUtcNow(), ("A", units));
            Assert.IsType<SupplierLotEventResult.Acknowledged>(received);
            _lotLeft -= units;
            await Reconciliation.ReconcileAsync("A"); // the receipt's reconcile message moves the units on hand
            Received["A"] += units;
        }

        private async Task ShipAsync(ModelOrder order, Step step, bool concurrent)
        {
            var lines = order.Lines.Keys.Where(sku => order.LeftToShip(sku) > 0)
                .Where((sku, i) => i == 0 || (step.C & (1 << i)) != 0)
                .Select(sku => (Sku: sku, Units: 1 + (step.B % order.LeftToShip(sku))))
                .ToList();
            var delivered = step.C % 3 != 0;
            var today = DateOnly.FromDateTime(H.Time.GetUtcNow().UtcDateTime);
            var request = new RecordShipmentRequest("parcel-" + Next().ToString(CultureInfo.InvariantCulture), [.. lines.Select(l => new ShipmentLineRequest(l.Sku, l.Units))], today, delivered ? today : null);
            var result = await H.Ship.RecordAsync(order.Id, request, Ct);
            switch (result)
            {
                case RecordShipmentResult.Recorded:
                    lock (_gate)
                    {
                        foreach (var (sku, units) in lines)
                        {
                            order.Shipped[sku] = order.Shipped.GetValueOrDefault(sku) + units;
                            order.Delivered[sku] = order.Delivered.GetValueOrDefault(sku) + (delivered ? units : 0);
                        }
                    }

                    break;
                case RecordShipmentResult.Conflict { Slug: "insufficient-stock" }:
                    break; // on hand held fewer units than shipped: nothing taken
                case RecordShipmentResult.Conflict { Slug: "order-not-shippable" } or RecordShipmentResult.Invalid when concurrent:
                    break; // a cancellation or another shipment of the order came first
                default:
                    throw new InvalidOperationException($"Shipping {string.Join(", ", lines)} of order {order.Id} answered {result}.");
            }
        }

        private async Task CancelAsync(ModelOrder order, bool concurrent)
        {
            var result = await H.Cancel.CancelAsync(order.Id, null, Ct);
            lock (_gate)
            {
                switch (result)
                {
                    case CancelOrderResult.Cancelled { AlreadyCancelled: true } when order.Status == OrderStatus.Cancelled:
                        break;
                    case CancelOrderResult.Cancelled cancelled when order.Status == OrderStatus.Confirmed && (!order.FullyShipped || concurrent):
                        // The refund is every unit not shipped (nothing was charged for shipping).
                        var refund = order.Lines.Sum(l => (l.Value - order.Shipped.GetValueOrDefault(l.Key)) * 19.99m);
                        Require(concurrent || cancelled.Order.RefundDue == refund, "cancelling", $"order {order.Id} refunds {cancelled.Order.RefundDue}, expected {refund}");
                        order.Status = OrderStatus.Cancelled;
                        break;
                    case CancelOrderResult.FullyShipped when order.Status == OrderStatus.Confirmed && (order.FullyShipped || concurrent):
                        break;
                    case CancelOrderResult.NotCancellable when order.Status == OrderStatus.Rejected:
                        break;
                    default:
                        throw new InvalidOperationException($"Cancelling order {order.Id} ({order.Status}) answered {result}.");
                }
            }
        }

        private async Task ReturnAndRestockAsync(Step step)
        {
            var candidates = Orders.SelectMany(o => o.Delivered.Where(d => d.Value > o.Returned.GetValueOrDefault(d.Key)).Select(d => (Order: o, Sku: d.Key))).ToList();
            if (candidates.Count == 0)
            {
                return;
            }

            var (order, sku) = candidates[step.A % candidates.Count];
            var created = await Returns.CreatedAsync("return-" + Next().ToString(CultureInfo.InvariantCulture), ReturnsHarness.Request(order.Id, order.Customer, (sku, 1, ReturnReason.ChangedMind)));
            Require(created.Status == ReturnStatus.Approved, "a return", $"the return of one delivered {sku} of order {order.Id} is {created.Status}");
            order.Returned[sku] = order.Returned.GetValueOrDefault(sku) + 1;
            await Returns.DoneAsync(Returns.ReceiveAsync(created.ReturnId, (sku + ":1", ConditionGrade.A)));
            await Returns.Triage.RunAsync(Ct);
            var decided = (await Returns.Lifecycle.GetAsync(created.ReturnId, Ct))!;
            Require(decided.Status == ReturnStatus.Refunded && decided.Units.Single().Action == TriageAction.Restock, "a return", $"the grade-A unit of return {created.ReturnId} was not restocked ({decided.Status})");
            Restocked[sku] += 1;
        }

        /// <summary>Orders, shipments, cancellations and an adjustment at once; the model follows what each was answered.</summary>
        private async Task BurstAsync(Step step)
        {
            var open = Orders.Where(o => o.Status == OrderStatus.Confirmed && !o.FullyShipped).ToList();
            var work = new List<Func<Task>>
            {
                () => PlaceAsync(step with { B = step.B + 1 }),
                () => PlaceAsync(step with { B = step.C }),
                () => AdjustAsync(step with { A = step.C, B = 3 }),
            };
            if (open.Count > 0)
            {
                var shipped = open[step.A % open.Count];
                work.Add(() => ShipAsync(shipped, step, concurrent: true));
                var cancelled = open[(step.A + (step.B % 2)) % open.Count];
                work.Add(() => CancelAsync(cancelled, concurrent: true));
            }

            await Task.WhenAll(work.Select(w => Task.Run(w, Ct)));
        }
    }
}
