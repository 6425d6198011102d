using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.Diagnostics;
using Presale.Adapters.IntegrationEvents;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.DelayConsent;
using Presale.Application.Messaging;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Supply;
using Presale.Functions.Features.Orders;
using Presale.Functions.Features.Payments;
using Presale.Functions.Features.Reconciliation;

namespace Presale.Benchmarks.Reconciliation;

/// <summary>
/// One SKU with 100,000 open orders in a real store, seeded with batch transactions and already reconciled (every
/// order carries the tracking of plan 1), composed as the app composes it (orders + reconciliation features) over a
/// counting wrapper of the store. <see cref="SlipAsync"/> moves one lot's ETA in the lots table (what a supplier's ETA
/// update writes); <see cref="ReconcileAsync"/> runs the reconcile handler; <see cref="ReadOrdersAsync"/> is the
/// baseline: reading those orders by id with the same parallelism.
/// </summary>
public sealed class ReconcileStoreRig : IAsyncDisposable
{
    public const string SkuCode = "KB-75-BLUE";
    public const string SlippingLot = "LOT-02";
    public const string SlippingSupplier = "globex";
    public const string NeighbourLot = "LOT-03";
    public const string NeighbourSupplier = "acme";
    private static readonly DateTimeOffset AsOf = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly List<string> _orderIds;
    private DateOnly _originalEta;
    private bool _slipped;

    private ReconcileStoreRig(ServiceProvider services, CountedStore store, List<string> orderIds, int ordersOnSwappedLots)
    {
        _services = services;
        Counter = store.Counter;
        _orderIds = orderIds;
        OrdersOnSwappedLots = ordersOnSwappedLots;
    }

    /// <summary>
    /// How many orders each slip must write, worked out from the seeded pegging rather than by the handler: the lots are
    /// equal (17,000 units) and a week apart, so moving <see cref="SlippingLot"/> (day 21) 10 days later puts it right
    /// after <see cref="NeighbourLot"/> (day 28) and back again: the two swap places in the supply sequence. Every
    /// order pegged to either of them, wholly or partly, then takes the other's units (its pegs and estimate change),
    /// and no other order's pegs, estimate, status or allocation moves.
    /// </summary>
    public int OrdersOnSwappedLots { get; }

    /// <summary>Order partitions: the most batches the notices' outbox clean-up adds beyond one per 100 notices.</summary>
    public static int OrderPartitions => OrderIds.Partitions.Count;

    /// <summary>The storage transactions of the store under test.</summary>
    public StorageTransactionCounter Counter { get; }

    public int OrderCount => _orderIds.Count;

    private OrdersOptions Options => _services.GetRequiredService<OrdersOptions>();

    public static async Task<ReconcileStoreRig> CreateAsync(CountedStore store, int orderCount, int seed)
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Presale:Orders:AllocationShards"] = "32",
            ["Presale:Orders:ShopTable"] = prefix + "shop",
            ["Presale:Orders:SupplyTable"] = prefix + "supply",
            ["Presale:Orders:LotsTable"] = prefix + "lots",
            ["Presale:Orders:OrdersTable"] = prefix + "orders",
            ["Presale:Orders:ShopSettingsCacheDuration"] = "01:00:00",
        }).Build();
        var time = new FakeTimeProvider(AsOf);
        // The orders and reconciliation features as the app composes them; the host's clock and random source, the
        // suppliers' and notifications' settings they depend on, and the store under test stand in for the rest.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Services
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(new RandomSource(new Random(seed)))
            .AddSingleton(store.Store)
            .AddSingleton<IMessagePublisher, DiscardingPublisher>()
            .AddSingleton(new NotificationsOptions())
            .AddSingleton(new SuppliersOptions())
            .AddSingleton<IDelayConsentService, DelayNotices>();
        builder.Services.AddIntegrationEvents(builder.Configuration);
        builder.AddOrders();
        builder.AddPayments();
        builder.AddReconciliation();
        var services = builder.Services.BuildServiceProvider();
        var (ids, swapped) = await SeedAsync(services, orderCount, seed, time);
        return new ReconcileStoreRig(services, store, ids, swapped);
    }

    /// <summary>Moves <see cref="SlippingLot"/> 10 days later, or back on the next call.</summary>
    public async Task SlipAsync()
    {
        var options = Options;
        var store = _services.GetRequiredService<ITableStore>();
        var row = (await store.GetAsync(options.LotsTable, SlippingSupplier, SlippingLot))!;
        if (_originalEta == default)
        {
            _originalEta = DateOnly.ParseExact(row.GetString("Eta")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        _slipped = !_slipped;
        var eta = _slipped ? _originalEta.AddDays(10) : _originalEta;
        var result = await store.MergeAsync(options.LotsTable, new TableEntity(SlippingSupplier, SlippingLot).With("Eta", eta.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ETag.Any);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Moving the ETA failed with {result.Status}.");
        }
    }

    public Task<ReconcileResult> ReconcileAsync() =>
        _services.GetRequiredService<ReconcileSkuHandler>().ReconcileAsync(Sku.From(SkuCode), default);

    /// <summary>The baseline: every order read by id (point reads, deserialised), as many in flight as reconcile reads.</summary>
    public async Task<int> ReadOrdersAsync()
    {
        var repository = _services.GetRequiredService<OrderRepository>();
        var parallel = _services.GetRequiredService<ReconciliationOptions>().ReadConcurrency;
        var read = 0;
        await Parallel.ForEachAsync(_orderIds, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (id, token) =>
        {
            if (await repository.GetAsync(id, token) is not null)
            {
                Interlocked.Increment(ref read);
            }
        });
        return read;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>
    /// A shop in UTC with 2 handling days; the SKU with 2,000 on hand, 12 weekly lots of 17,000 (suppliers acme and
    /// globex) and a cap of 2,000; <paramref name="orderCount"/> orders of 1–3 units in four tiers placed over 60 days,
    /// each promised what the supply said plus 0–3 days. Orders and reservation rows are written in batches of 100, the
    /// shards and the plan fence last; every order already carries plan 1, so a reconcile without a change writes nothing.
    /// </summary>
    private static async Task<(List<string> OrderIds, int OrdersOnSwappedLots)> SeedAsync(ServiceProvider services, int orderCount, int seed, TimeProvider time)
    {
        var options = services.GetRequiredService<OrdersOptions>();
        var store = services.GetRequiredService<ITableStore>();
        var sku = Sku.From(SkuCode);
        await services.GetRequiredService<ShopSettingsStore>().PutAsync(new ShopSettingsRequest("UTC", "EUR", 2, "en"), default);
        if (await services.GetRequiredService<SkuSettingsHandler>().PutAsync(sku, new SkuSettingsRequest(true, null, null, 2_000, 10, null, 14, null), default) is not SkuSettingsResult.Saved
            || await services.GetRequiredService<StockAdjustmentHandler>().AdjustAsync(sku, "seed", new StockAdjustmentRequest(2_000, StockAdjustmentReason.Delivery, null), default) is not StockAdjustmentResult.Applied)
        {
            throw new InvalidOperationException("Setting up the SKU failed.");
        }

        var today = DateOnly.FromDateTime(AsOf.UtcDateTime);
        var lots = services.GetRequiredService<LotRegistrationHandler>();
        for (var i = 0; i < 12; i++)
        {
            var registered = await lots.RegisterAsync(i % 3 == 0 ? "acme" : "globex", new RegisterLotRequest($"LOT-{i:D2}", $"PO-{i:D2}", today.AddDays(7 * (i + 1)), [new LotLineRequest(SkuCode, 17_000)]), default);
            if (registered is not LotRegistrationResult.Registered)
            {
                throw new InvalidOperationException($"Registering LOT-{i:D2} failed: {registered}.");
            }
        }

        var supply = services.GetRequiredService<SupplyStore>();
        var state = (await supply.LoadAsync(sku, default))!;
        var shop = (await services.GetRequiredService<ShopSettingsStore>().GetAsync(default))!;
        var settings = SupplyPlanMapping.Settings(state.Settings, shop, Domain.Reconciliation.PriorityRule.TierThenOrderTime);
        var snapshot = SupplyPlanMapping.Snapshot(state.Settings, state.Ledger, today);

        var random = new Random(seed);
        var tiers = new[] { CustomerTier.Platinum, CustomerTier.Gold, CustomerTier.Gold, CustomerTier.Silver, CustomerTier.Silver, CustomerTier.Standard, CustomerTier.Standard, CustomerTier.Standard, CustomerTier.Standard, CustomerTier.Standard };
        var orders = new List<Domain.Reconciliation.OpenOrderDemand>(orderCount);
        for (var i = 0; i < orderCount; i++)
        {
            var (id, _) = OrderIds.ForIdempotencyKey($"seed-{seed}-{i}");
            orders.Add(new Domain.Reconciliation.OpenOrderDemand(id, tiers[random.Next(tiers.Length)], AsOf.AddMinutes(-random.Next(60 * 24 * 60)), random.Next(1, 4), null));
        }

        var quoted = Domain.Reconciliation.PromisePlanner.Replan(snapshot, orders, settings, AsOf).Orders.ToDictionary(p => p.OrderId, p => p.Estimate, StringComparer.Ordinal);
        for (var i = 0; i < orders.Count; i++)
        {
            orders[i] = orders[i] with { PromiseDate = (quoted[orders[i].OrderId] ?? today.AddDays(120)).AddDays(random.Next(0, 4)) };
        }

        var plan = Domain.Reconciliation.PromisePlanner.Replan(snapshot, orders, settings, AsOf);
        var plans = plan.Orders.ToDictionary(p => p.OrderId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var orderRows = new List<TableEntity>(orders.Count);
        var reservationRows = new List<TableEntity>(orders.Count);
        var reserved = new Dictionary<string, int>[state.Shards.Count];
        for (var s = 0; s < reserved.Length; s++)
        {
            reserved[s] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        for (var i = 0; i < orders.Count; i++)
        {
            var demand = orders[i];
            var planned = plans[demand.OrderId];
            var shard = i % reserved.Length;
            var parts = planned.Pegs.ToArray().Select(p => new AllocationPart(shard, SupplySource.FromKey(SupplyPlanMapping.LedgerKey(p.Source)), p.Quantity)).ToList();
            foreach (var part in parts)
            {
                reserved[shard][part.Source.Key] = reserved[shard].GetValueOrDefault(part.Source.Key) + part.Quantity;
            }

            var promise = new LinePromise(demand.PromiseDate!.Value, parts.Where(p => p.Source.Kind != SupplyKind.Shortfall).Select(p => p.Source).LastOrDefault(SupplySource.Cap));
            var order = Order.Place(demand.OrderId, "cust-" + i.ToString(CultureInfo.InvariantCulture), demand.Tier, new NotificationContact("c@example.com", null), "EUR", [new OrderLine(1, sku, demand.Quantity, new Money(10m, "EUR"))], demand.PlacedAt);
            order.Confirm([promise], demand.PlacedAt);
            order.Track(1, SupplyPlanMapping.Tracking(planned, 1, now), now);
            orderRows.Add(OrderRows.OrderEntity(OrderIds.PartitionOf(order.Id)!, order, "seed", null, "placed", "{}"));
            reservationRows.Add(SupplyRows.ReservationEntity(sku, new Reservation(order.Id, 1, demand.Quantity, parts, promise, demand.PlacedAt)));
        }

        await store.CreateTableIfNotExistsAsync(options.OrdersTable);
        var batches = orderRows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).Concat(reservationRows.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (batch, token) =>
        {
            var table = batch[0].RowKey.StartsWith("order|", StringComparison.Ordinal) ? options.OrdersTable : options.SupplyTable;
            var result = await store.SubmitTransactionAsync(table, [.. batch.Select(TableOperation.Insert)], token);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Seeding failed at {result.FailedIndex} with {result.FailureStatus}.");
            }
        });

        var shortfall = (int)plan.Sources.Where(s => s.Source.Kind == Domain.Reconciliation.SupplySourceKind.Unsupplied).Sum(s => s.PeggedUnits);
        var ledger = state.Ledger.WithShortfall(shortfall);
        var shards = reserved.Select((map, s) => new AllocationShard(s, map.Select(p => KeyValuePair.Create(p.Key, new ShardQuota(p.Value, p.Value))))).ToList();
        var distributed = (DistributionResult.Distributed)QuotaDistributor.Distribute(shards, ledger.Targets());
        // Plan 1 is the seeded one, written out by now and by no other writer (its reservation rows carry no copy of
        // their orders yet, so the first run reads those orders anyway).
        var fence = services.GetRequiredService<ReconciliationStore>();
        if (!await fence.CommitAsync(state, 1, default, now, null, true, ledger, distributed.Shards, default))
        {
            throw new InvalidOperationException("Writing the seeded shards failed.");
        }

        await fence.FinishAsync(sku, 1, default);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Reconcile store scenario: {orders.Count} orders ({orders.Sum(o => o.Quantity)} units), {plan.Sources.Count(s => s.Source.Kind == Domain.Reconciliation.SupplySourceKind.Lot) - 1} lots, shortfall {shortfall}, pegged to {SlippingLot}: {plan.Sources.Single(s => s.Source.LotId?.EndsWith(SlippingLot, StringComparison.Ordinal) == true).OrderCount} orders."));
        var swappedKeys = new[] { SupplySource.Lot(SlippingSupplier, SlippingLot).Key, SupplySource.Lot(NeighbourSupplier, NeighbourLot).Key };
        var onSwapped = plan.Orders.Count(o => o.Pegs.ToArray().Any(p => swappedKeys.Contains(SupplyPlanMapping.LedgerKey(p.Source), StringComparer.Ordinal)));
        return ([.. orders.Select(o => o.OrderId)], onSwapped);
    }

    private sealed class DiscardingPublisher : IMessagePublisher
    {
        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class DelayNotices : IDelayConsentService
    {
        public Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken) =>
            Task.FromResult(new NotificationComposer().AtRisk(new NotificationContext("en", TimeZoneInfo.Utc), order.OrderId, order.CustomerId, order.OriginalPromise) with
            {
                Kind = NotificationKind.Delayed,
                DeduplicationKey = NotificationKeys.Delayed(order.OrderId, revisedDate.DayNumber),
                RevisedDate = revisedDate,
                DelayNumber = 1,
            });
    }
}
