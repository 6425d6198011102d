using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.Diagnostics;
using Presale.Adapters.InMemory;
using Presale.Application.Compensation;
using Presale.Application.Credits;
using Presale.Application.DelayConsent;
using Presale.Application.Messaging;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Supply;

namespace Presale.Benchmarks.Compensation;

/// <summary>
/// <see cref="OrderCount"/> confirmed orders whose promise passed yesterday (tier 1 of the default policy due for each),
/// each with its due-date index row, in the partitioned twin behind a counting wrapper; the compensation sweep composed
/// over it as the app composes it (default options: pages of 200, 16 orders at once). Customers hold 4 orders each.
/// </summary>
public sealed class CompensationSweepRig
{
    public const string SkuCode = "KB-75";
    private static readonly DateOnly Promise = new(2026, 3, 10);
    private static readonly DateTimeOffset PlacedAt = new(2026, 2, 20, 9, 0, 0, TimeSpan.Zero);

    private readonly OrdersOptions _orders;
    private readonly CompensationOptions _options;

    private CompensationSweepRig(int orderCount, CountedStore store, HeapSamplingStore heap, OrdersOptions orders, CompensationOptions options, CompensationSweep sweep, CountingPublisher publisher)
    {
        OrderCount = orderCount;
        Store = store.Store;
        Counter = store.Counter;
        Heap = heap;
        _orders = orders;
        _options = options;
        Sweep = sweep;
        Publisher = publisher;
    }

    public int OrderCount { get; }

    public ITableStore Store { get; }

    /// <summary>The sweep's storage transactions, counted call by call.</summary>
    public StorageTransactionCounter Counter { get; }

    public HeapSamplingStore Heap { get; }

    public CompensationSweep Sweep { get; }

    public CountingPublisher Publisher { get; }

    /// <summary>Seeds <paramref name="orderCount"/> due orders in batches per partition and composes the sweep at "one day late".</summary>
    public static async Task<CompensationSweepRig> CreateAsync(int orderCount)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Promise.AddDays(1), new TimeOnly(9, 0), TimeSpan.Zero));
        var heap = new HeapSamplingStore(new InMemoryTableStore());
        var counted = CountedStore.Twin(heap);
        var store = counted.Store;
        var orders = new OrdersOptions();
        var options = new CompensationOptions { ConsentLinkKey = Convert.ToBase64String(new byte[32]) };
        var notifications = new NotificationsOptions();
        var publisher = new CountingPublisher();
        var shops = new ShopSettingsStore(store, orders, time);
        await shops.PutAsync(new ShopSettingsRequest("UTC", "EUR", 2, "en"), default);
        await SeedAsync(store, orders.OrdersTable, orderCount);
        var sweep = new CompensationSweep(
            store, new OrderRepository(store, orders, new OutboxCleanup(store, orders, time, NullLogger<OutboxCleanup>.Instance)), new DelayConsentStore(store, orders), new CreditStore(store, options), shops, publisher,
            new NotificationComposer(), orders, notifications, options, time, NullLogger<CompensationSweep>.Instance);
        counted.Counter.Reset();
        return new CompensationSweepRig(orderCount, counted, heap, orders, options, sweep, publisher);
    }

    /// <summary>The baseline: every due index row read, one page of one partition at a time, as the sweep reads them.</summary>
    public async Task<int> ReadIndexAsync()
    {
        var rows = 0;
        foreach (var partition in OrderIds.Partitions)
        {
            var filter = TableFilter.RowRange(partition, PromiseDueIndex.Prefix, PromiseDueIndex.UpperBound(Promise.AddDays(1)));
            await foreach (var row in Store.QueryAllAsync(_orders.OrdersTable, filter, _options.SweepPageSize))
            {
                if (PromiseDueIndex.Parse(row.RowKey) is not null)
                {
                    rows++;
                }
            }
        }

        return rows;
    }

    private static async Task SeedAsync(ITableStore store, string table, int orderCount)
    {
        await store.CreateTableIfNotExistsAsync(table);
        var rows = new List<TableEntity>(orderCount * 2);
        for (var i = 0; i < orderCount; i++)
        {
            var (id, partition) = OrderIds.ForIdempotencyKey("due-" + i.ToString(CultureInfo.InvariantCulture));
            var customer = "cust-" + (i / 4).ToString(CultureInfo.InvariantCulture);
            var order = Order.Place(id, customer, CustomerTier.Gold, new NotificationContact("c@example.com", null), "EUR",
                [new OrderLine(1, Sku.From(SkuCode), 1 + (i % 3), new Money(40m, "EUR"))], PlacedAt);
            order.Confirm([new LinePromise(Promise, SupplySource.OnHand)], PlacedAt);
            rows.Add(OrderRows.OrderEntity(partition, order, "seed", null, "placed", "{}"));
            rows.Add(PromiseDueIndex.Upsert(partition, id, Promise).Entity);
        }

        var batches = rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, token) =>
        {
            var result = await store.SubmitTransactionAsync(table, [.. batch.Select(TableOperation.Insert)], token);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Seeding failed at {result.FailedIndex} with {result.FailureStatus}.");
            }
        });
    }

    /// <summary>Counts what the sweep hands to the broker (and drops it).</summary>
    public sealed class CountingPublisher : IMessagePublisher
    {
        private long _published;

        public long Published => Interlocked.Read(ref _published);

        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _published);
            return Task.CompletedTask;
        }
    }
}
