using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Presale.Adapters.Diagnostics;
using Presale.Adapters.IntegrationEvents;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.Messaging;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Functions.Features.Orders;
using Presale.Functions.Features.Payments;

namespace Presale.Benchmarks.Orders;

/// <summary>
/// The ordering use cases as the app composes them (AddPresaleOrders), over the store under test with its transaction
/// counter, with SKUs stocked far beyond what a run sells so only contention, not supply, limits throughput.
/// </summary>
public sealed class OrderingRig : IAsyncDisposable
{
    public const int StockPerSku = 1_000_000;

    private readonly ServiceProvider _services;
    private long _sequence;

    private OrderingRig(ServiceProvider services, CountedStore store, string prefix)
    {
        _services = services;
        Store = store.Store;
        Counter = store.Counter;
        Prefix = prefix;
        Place = services.GetRequiredService<PlaceOrderHandler>();
        Supply = services.GetRequiredService<SupplyStore>();
        Cleanup = services.GetRequiredService<OutboxCleanup>();
    }

    public ITableStore Store { get; }

    /// <summary>The storage transactions of <see cref="Store"/>, counted since the SKUs were set up.</summary>
    public StorageTransactionCounter Counter { get; }

    public string Prefix { get; }

    public PlaceOrderHandler Place { get; }

    public SupplyStore Supply { get; }

    /// <summary>The published outbox rows not deleted yet (their deletes ride along with later transactions).</summary>
    public OutboxCleanup Cleanup { get; }

    public ConcurrentBag<double> LatenciesMs { get; } = [];

    public long Accepted;

    public long Refused;

    public static async Task<OrderingRig> CreateAsync(CountedStore store, int shards, IEnumerable<string> skus)
    {
        var prefix = "b" + Guid.NewGuid().ToString("N")[..8];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Presale:Orders:AllocationShards"] = shards.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Presale:Orders:ShopTable"] = prefix + "shop",
            ["Presale:Orders:SupplyTable"] = prefix + "supply",
            ["Presale:Orders:LotsTable"] = prefix + "lots",
            ["Presale:Orders:OrdersTable"] = prefix + "orders",
            ["Presale:Orders:ShopSettingsCacheDuration"] = "01:00:00",
        }).Build();
        // The orders feature as the app composes it; the host's clock and random source, the notifications' settings
        // and the store under test stand in for the rest.
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(configuration);
        builder.Services
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(new RandomSource(new Random(RandomNumberGenerator.GetInt32(int.MaxValue))))
            .AddSingleton(store.Store)
            .AddSingleton<IMessagePublisher, DiscardingPublisher>()
            .AddSingleton(new Application.Notifications.NotificationsOptions());
        builder.Services.AddIntegrationEvents(builder.Configuration);
        builder.AddOrders();
        builder.AddPayments();
        var services = builder.Services.BuildServiceProvider();
        var rig = new OrderingRig(services, store, prefix);
        await services.GetRequiredService<ShopSettingsStore>().PutAsync(new ShopSettingsRequest("Europe/Berlin", "EUR", 2, "de-DE"), default);
        var catalog = services.GetRequiredService<SkuSettingsHandler>();
        var stock = services.GetRequiredService<StockAdjustmentHandler>();
        foreach (var sku in skus)
        {
            if (await catalog.PutAsync(Sku.From(sku), new SkuSettingsRequest(true, null, null, 0, 100, null, null, null), default) is not SkuSettingsResult.Saved
                || await stock.AdjustAsync(Sku.From(sku), "stock-" + sku, new StockAdjustmentRequest(StockPerSku, StockAdjustmentReason.Delivery, null), default) is not StockAdjustmentResult.Applied)
            {
                throw new InvalidOperationException($"Setting up SKU {sku} failed.");
            }
        }

        store.Counter.Reset(); // count the orders only
        return rig;
    }

    /// <summary>Places <paramref name="orders"/> single-unit orders from <paramref name="clients"/> concurrent clients; client c orders <paramref name="skuOf"/>(c).</summary>
    public async Task RunAsync(int clients, int orders, Func<int, string> skuOf)
    {
        var remaining = orders;
        var tasks = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var sku = skuOf(client);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var key = "k" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var started = Stopwatch.GetTimestamp();
                var result = await Place.PlaceAsync(key, Order(sku), default);
                LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (result is PlaceOrderResult.Placed)
                {
                    Interlocked.Increment(ref Accepted);
                }
                else
                {
                    Interlocked.Increment(ref Refused);
                }
            }
        }));
        await Task.WhenAll(tasks);
    }

    /// <summary>Units reserved for <paramref name="sku"/> by its shards and by its reservation rows, and its capacity.</summary>
    public async Task<(long ByShards, long ByRows, long Capacity)> ReservedAsync(string sku)
    {
        var state = (await Supply.LoadAsync(Sku.From(sku), default))!;
        long rows = 0;
        await foreach (var row in Store.QueryAllAsync(Prefix + "supply", TableFilter.RowPrefix(sku, "7|res|"), 1000))
        {
            rows += row.GetInt32("Quantity") ?? 0;
        }

        return (state.Reserved, rows, state.Ledger.Capacity);
    }

    public static PlaceOrderRequest Order(string sku) => new(
        "bench-customer",
        CustomerTier.Standard,
        new NotificationContactRequest("bench@example.com", null),
        [new PlaceOrderLineRequest(sku, 1, 10m)],
        "EUR",
        true);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class DiscardingPublisher : IMessagePublisher
    {
        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
