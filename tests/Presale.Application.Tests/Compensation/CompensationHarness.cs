using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Common;
using Presale.Application.Compensation;
using Presale.Application.Credits;
using Presale.Application.DelayConsent;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Storage;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;
using Presale.Domain.Supply;
using Presale.Testing;

namespace Presale.Application.Tests.Compensation;

/// <summary>
/// The ordering use cases plus the compensation and delay-consent ones on one in-memory store that can be told to
/// fail (a dying process) and that records every query (to prove sweeps read pages of one partition).
/// </summary>
internal sealed class CompensationHarness
{
    public const string SkuCode = "KB-75";

    public CompensationHarness(int pageSize = 200)
    {
        Observed = new ObservingTableStore(new InMemoryTableStore(new FakeTimeProvider(TestClock.Start)));
        Faults = new FaultInjectingTableStore(Observed);
        Ordering = new OrderingHarness(Faults);
        Options = new CompensationOptions
        {
            ConsentLinkKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            SweepPageSize = pageSize,
            CreditsTable = "tcredits",
            PublicBaseUrl = "https://shop.example",
        };
        var random = new RandomSource(new Random(11));
        Consents = new DelayConsentStore(Faults, Ordering.Options);
        Credits = new CreditStore(Faults, Options);
        Outbox = new NotificationOutbox(Faults, Ordering.Publisher, Ordering.Options, Notifications, NullLogger<NotificationOutbox>.Instance);
        Links = new ConsentLinks(Options);
        Service = new DelayConsentService(Consents, Ordering.Orders, Ordering.Cancel, Ordering.Shops, Outbox, Composer, Links, Options, random, Time, NullLogger<DelayConsentService>.Instance);
        Expiry = new ExpireDelayConsentsSweep(Consents, Service, Outbox, Faults, Ordering.Options, Options, random, Time, NullLogger<ExpireDelayConsentsSweep>.Instance);
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ObservingTableStore Observed { get; }

    public FaultInjectingTableStore Faults { get; }

    public OrderingHarness Ordering { get; }

    public FakeTimeProvider Time => Ordering.Time;

    public CompensationOptions Options { get; }

    public NotificationsOptions Notifications { get; } = new();

    public NotificationComposer Composer { get; } = new();

    public DelayConsentStore Consents { get; }

    public CreditStore Credits { get; }

    public NotificationOutbox Outbox { get; }

    public ConsentLinks Links { get; }

    public DelayConsentService Service { get; }

    public ExpireDelayConsentsSweep Expiry { get; }

    /// <summary>A new sweep (as a second timer instance would be), over <paramref name="store"/> when given.</summary>
    public CompensationSweep Sweep(ILogger<CompensationSweep>? logger = null, ITableStore? store = null)
    {
        var through = store ?? Faults;
        return new(
            through, new OrderRepository(through, Ordering.Options, Ordering.Cleanup), new DelayConsentStore(through, Ordering.Options), new CreditStore(through, Options),
            Ordering.Shops, Ordering.Publisher, Composer, Ordering.Options, Notifications, Options, Time, logger ?? NullLogger<CompensationSweep>.Instance);
    }

    /// <summary><paramref name="count"/> idempotency keys whose orders all land in one order partition (so they share index pages).</summary>
    public static List<string> KeysInOnePartition(int count)
    {
        var keys = Enumerable.Range(0, 10_000).Select(i => "p-" + i).GroupBy(k => OrderIds.ForIdempotencyKey(k).Partition).First(g => g.Count() >= count);
        return [.. keys.Take(count)];
    }

    /// <summary>Overwrites the stored delay-consent case of <paramref name="orderId"/> with one it cannot read (a corrupt row).</summary>
    public async Task CorruptConsentCaseAsync(string orderId)
    {
        var entity = new TableEntity(OrderIds.PartitionOf(orderId)!, "consent|" + orderId, new Dictionary<string, object?>
        {
            ["CustomerId"] = "customer-1",
            ["OriginalPromise"] = "2026-03-04",
            ["CurrentPromise"] = "2026-03-04",
            ["Status"] = "Garbled",
        });
        Assert.True((await Observed.UpsertAsync(Ordering.Options.OrdersTable, entity, merge: true, Ct)).Succeeded);
    }

    /// <summary>
    /// Reconciliation over the same store and clock, recording delays with <paramref name="delayConsent"/> (the real
    /// <see cref="Service"/> unless told otherwise).
    /// </summary>
    public ReconcileSkuHandler Reconciler(IDelayConsentService? delayConsent = null) => Reconciliation.ReconciliationHarness.Handler(
        Ordering, plans: null, Notifications, new ReconciliationOptions(), delayConsent ?? Service, new RandomSource(new Random(5)));

    /// <summary>A Berlin shop in EUR and a SKU with stock on hand, promised 2 days out (2026-03-04 at the start).</summary>
    public async Task SetUpShopAsync()
    {
        await Ordering.ConfigureShopAsync();
        await Ordering.CreateSkuAsync(SkuCode, onHand: 10_000);
    }

    /// <summary>Places a one-line order through the placement use case; returns its id.</summary>
    public async Task<string> PlaceAsync(string key)
    {
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await Ordering.Place.PlaceAsync(key, OrderingHarness.Order((SkuCode, 1)), Ct));
        return placed.Order.OrderId;
    }

    /// <summary>Writes a confirmed order of 100 in <paramref name="currency"/> straight through the repository (fast: for many orders).</summary>
    public async Task<string> WriteConfirmedAsync(string key, string customerId, DateOnly promise, string currency = "EUR")
    {
        var (id, partition) = OrderIds.ForIdempotencyKey(key);
        var now = Time.GetUtcNow();
        var order = Order.Place(id, customerId, CustomerTier.Gold, new NotificationContact("c@example.com", null), currency,
            [new OrderLine(1, Sku.From(SkuCode), 1, new Money(100m, currency))], now);
        var stored = await Ordering.Orders.InsertPendingAsync(partition, order, "hash", now.AddMinutes(2), Ct)
            ?? throw new InvalidOperationException("The order exists already.");
        order.Confirm([new LinePromise(promise, SupplySource.OnHand)], now);
        var message = new Outbox.OutboxMessage(id + "-confirmed", "order.confirmed", "{}", id, now);
        Assert.True(await Ordering.Orders.TryConfirmAsync(stored, [message], "{}", Ct));
        return id;
    }

    /// <summary>Every credit row of <paramref name="customerId"/>.</summary>
    public async Task<List<TableEntity>> CreditRowsAsync(string customerId)
    {
        var rows = new List<TableEntity>();
        await Observed.CreateTableIfNotExistsAsync(Options.CreditsTable, Ct);
        await foreach (var row in Observed.QueryAllAsync(Options.CreditsTable, TableFilter.Partition(customerId), 1000, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The compensation-index rows of every order partition.</summary>
    public async Task<List<string>> IndexRowsAsync()
    {
        var rows = new List<string>();
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var row in Observed.QueryAllAsync(Ordering.Options.OrdersTable, TableFilter.RowPrefix(partition, PromiseDueIndex.Prefix), 1000, Ct))
            {
                rows.Add(row.RowKey);
            }
        }

        return rows;
    }

    /// <summary>The notification messages published, in order.</summary>
    public List<NotificationMessage> Notices() =>
        [.. Ordering.Publisher.Published.Where(p => p.Queue == Notifications.Queue).Select(p => NotificationMessageSerializer.Deserialize(p.Message.Body))];
}
