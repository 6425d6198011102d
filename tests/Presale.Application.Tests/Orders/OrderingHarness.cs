using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Payments;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Application.Tests.IntegrationEvents;
using Presale.Domain.Common;
using Presale.Domain.Supply;
using Presale.Testing;

namespace Presale.Application.Tests.Orders;

/// <summary>Every ordering use case wired to one store, a manual clock, a seeded random and a recording publisher.</summary>
internal sealed class OrderingHarness
{
    public OrderingHarness(ITableStore? store = null, int shards = 8, int seed = 7, string? tablePrefix = null)
    {
        Time = new FakeTimeProvider(TestClock.Start);
        Store = store ?? new InMemoryTableStore(Time);
        var prefix = tablePrefix ?? "t";
        Options = new OrdersOptions
        {
            AllocationShards = shards,
            ShopTable = prefix + "shop",
            SupplyTable = prefix + "supply",
            LotsTable = prefix + "lots",
            OrdersTable = prefix + "orders",
        };
        var random = new RandomSource(new Random(seed));
        Shops = new ShopSettingsStore(Store, Options, Time);
        Supply = new SupplyStore(Store, Options, random);
        Cleanup = new OutboxCleanup(Store, Options, Time, NullLogger<OutboxCleanup>.Instance);
        Orders = new OrderRepository(Store, Options, Cleanup);
        // As in the app: notifications leave the outboxes through the relay, which also publishes their integration events while they are on.
        Outbox = new OutboxPublisher(
            Store,
            new NotificationEventRelay(Publisher, IntegrationEvents, Notifications, IntegrationEventsOptions, NullLogger<NotificationEventRelay>.Instance),
            Options,
            Cleanup,
            NullLogger<OutboxPublisher>.Instance,
            IntegrationEvents);
        ShipmentStock = new ShipmentStockStore(Supply, random, Time);
        PaymentsDue = new PaymentDueEvents(Payments, IntegrationEventsOptions);
        Shipments = new ShipmentSaga(Orders, ShipmentStock, Outbox, Options, Shops, PaymentsDue, random, Time);
        Saga = new OrderSaga(Orders, Supply, Shipments, Time);
        Skus = new SkuSettingsHandler(Supply, Options, new SkuSettingsRequestValidator(), random);
        Stock = new StockAdjustmentHandler(Supply, Shops, new StockAdjustmentRequestValidator(), random, Time);
        Lots = new LotRegistrationHandler(Store, Options, Supply, Shops, new RegisterLotRequestValidator(), random, Time);
        Reservations = new ReservationService(Supply, random, Time);
        Place = new PlaceOrderHandler(Orders, Supply, Reservations, Saga, Outbox, Shops, new PlaceOrderRequestValidator(Options), Options, Notifications, Time, NullLogger<PlaceOrderHandler>.Instance);
        Cancel = new CancelOrderHandler(Orders, Saga, Shipments, Outbox, Shops, Options, Notifications, random, Time);
        Ship = new RecordShipmentHandler(Orders, Shipments, Options, new RecordShipmentRequestValidator(), random, Time);
        Quotes = new QuoteHandler(Supply, Shops, new QuoteRequestValidator(Options), Time);
        Get = new GetOrderHandler(Orders);
        SagaSweep = new OrderSagaSweep(Orders, Saga, Time, NullLogger<OrderSagaSweep>.Instance);
        OutboxSweep = new OutboxSweep(Store, Outbox, Cleanup, Options, Time, NullLogger<OutboxSweep>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public ITableStore Store { get; }

    public OrdersOptions Options { get; }

    public RecordingPublisher Publisher { get; } = new();

    /// <summary>Integration events: off unless a test sets a topic before it acts.</summary>
    public IntegrationEventsOptions IntegrationEventsOptions { get; } = new();

    /// <summary>The payment settings (the shop's default plan) the payment events follow.</summary>
    public PaymentsOptions Payments { get; } = new();

    /// <summary>The <c>payment.due</c> events of the reconcile and shipment paths.</summary>
    public PaymentDueEvents PaymentsDue { get; }

    /// <summary>The integration events published (the topic).</summary>
    public RecordingEventPublisher IntegrationEvents { get; } = new();

    /// <summary>
    /// Where the order use cases' customer notices ("order confirmed", "cancelled and refunded") go. The app sends every
    /// notice to one queue; here they get their own, so the tests of other features that place orders through this
    /// harness see only their own notices on theirs.
    /// </summary>
    public NotificationsOptions Notifications { get; } = new() { Queue = "order-notices" };

    public ShopSettingsStore Shops { get; }

    public SupplyStore Supply { get; }

    public OutboxCleanup Cleanup { get; }

    public OrderRepository Orders { get; }

    public OrderSaga Saga { get; }

    public OutboxPublisher Outbox { get; }

    public SkuSettingsHandler Skus { get; }

    public StockAdjustmentHandler Stock { get; }

    public LotRegistrationHandler Lots { get; }

    public ReservationService Reservations { get; }

    public PlaceOrderHandler Place { get; }

    public CancelOrderHandler Cancel { get; }

    public ShipmentStockStore ShipmentStock { get; }

    public ShipmentSaga Shipments { get; }

    public RecordShipmentHandler Ship { get; }

    public QuoteHandler Quotes { get; }

    public GetOrderHandler Get { get; }

    public OrderSagaSweep SagaSweep { get; }

    public OutboxSweep OutboxSweep { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task ConfigureShopAsync(string timeZone = "Europe/Berlin", int handlingDays = 2) =>
        Shops.PutAsync(new ShopSettingsRequest(timeZone, "EUR", handlingDays, "de-DE"), Ct);

    /// <summary>Creates a SKU with <paramref name="onHand"/> units, an optional lot and a cap.</summary>
    public async Task CreateSkuAsync(string sku, int onHand, int cap = 0, int maxPerOrder = 1000, (string LotId, int Quantity, int EtaInDays)? lot = null, int? handlingDays = null)
    {
        var saved = await Skus.PutAsync(Sku.From(sku), new SkuSettingsRequest(true, null, null, cap, maxPerOrder, handlingDays, 10, null), Ct);
        Assert.IsType<SkuSettingsResult.Saved>(saved);
        if (onHand > 0)
        {
            var adjusted = await Stock.AdjustAsync(Sku.From(sku), "init-" + sku, new StockAdjustmentRequest(onHand, StockAdjustmentReason.Count, null), Ct);
            Assert.IsType<StockAdjustmentResult.Applied>(adjusted);
        }

        if (lot is { } l)
        {
            var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
            var registered = await Lots.RegisterAsync("acme", new RegisterLotRequest(l.LotId, "PO-" + l.LotId, today.AddDays(l.EtaInDays), [new LotLineRequest(sku, l.Quantity)]), Ct);
            Assert.IsType<LotRegistrationResult.Registered>(registered);
        }
    }

    public static PlaceOrderRequest Order(params (string Sku, int Quantity)[] lines) => new(
        "customer-1",
        CustomerTier.Gold,
        new NotificationContactRequest("jane@example.com", null),
        [.. lines.Select(l => new PlaceOrderLineRequest(l.Sku, l.Quantity, 19.99m))],
        "EUR",
        true);

    public async Task<SkuState> StateAsync(string sku) => (await Supply.LoadAsync(Sku.From(sku), Ct))!;

    /// <summary>Units reserved for <paramref name="sku"/> by its shards, and by its reservation rows.</summary>
    public async Task<(long ByShards, long ByRows)> ReservedAsync(string sku)
    {
        var state = await StateAsync(sku);
        long rows = 0;
        await foreach (var row in Store.QueryAllAsync(Options.SupplyTable, TableFilter.RowPrefix(sku, "7|res|"), 1000, Ct))
        {
            rows += row.GetInt32("Quantity") ?? 0;
        }

        return (state.Reserved, rows);
    }

    /// <summary>The reservation rows of <paramref name="sku"/> as (order id, quantity).</summary>
    public async Task<List<(string OrderId, int Quantity)>> ReservationsAsync(string sku)
    {
        var list = new List<(string, int)>();
        await foreach (var row in Store.QueryAllAsync(Options.SupplyTable, TableFilter.RowPrefix(sku, "7|res|"), 1000, Ct))
        {
            list.Add((row.GetString("OrderId")!, row.GetInt32("Quantity") ?? 0));
        }

        return list;
    }

    public static SupplySource Lot(string lotId) => SupplySource.Lot("acme", lotId);
}
