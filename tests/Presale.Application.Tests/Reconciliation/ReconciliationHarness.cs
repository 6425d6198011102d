using Microsoft.Extensions.Logging.Abstractions;
using Presale.Application.Common;
using Presale.Application.DelayConsent;
using Presale.Application.IntegrationEvents;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Tests.IntegrationEvents;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using Presale.Domain.Orders;

namespace Presale.Application.Tests.Reconciliation;

/// <summary>
/// The ordering harness plus reconciliation, supplier events and the supplier lots query over the same store (the
/// store of the ordering harness given to the constructor, when one is).
/// </summary>
internal sealed class ReconciliationHarness
{
    public ReconciliationHarness(ITableStore? store = null, string? tablePrefix = null, ReconciliationOptions? options = null, int seed = 11, OrderingHarness? ordering = null)
    {
        Ordering = ordering ?? new OrderingHarness(store, tablePrefix: tablePrefix);
        Options = options ?? new ReconciliationOptions();
        var random = new RandomSource(new Random(seed));
        Sync = new LotSupplySync(Ordering.Store, Ordering.Options);
        Plans = new ReconciliationStore(Ordering.Store, Ordering.Options);
        Reconcile = Handler(Ordering, Plans, Notifications, Options, DelayConsent, random);
        SupplierOutbox = new SupplyChangedOutbox(Ordering.Store, Ordering.Publisher, Ordering.Options, NullLogger<SupplyChangedOutbox>.Instance, IntegrationEvents);
        Events = new SupplierLotEventHandler(
            Ordering.Store,
            Ordering.Options,
            new SupplierEventLedger(Ordering.Store, Ordering.Time),
            Ordering.Shops,
            SupplierOutbox,
            Ordering.Time,
            new LotAtRiskEvents(Ordering.Store, Ordering.Options, Ordering.Shops, IntegrationEventsOptions));
        LotsQuery = new SupplierLotsQuery(Ordering.Store, Ordering.Options, Claims);
        Overdue = OverdueSweep(SuppliersOptions);
    }

    /// <summary>The supplier settings the sweeps use (the suppliers table lists the lots table's partitions).</summary>
    public SuppliersOptions SuppliersOptions { get; } = new() { SuppliersTable = "tsuppliers" };

    public OverdueLotSweep Overdue { get; }

    public OrderingHarness Ordering { get; }

    /// <summary>Orders a test chose to remember, in the order it placed them.</summary>
    public List<string> PlacedOrders { get; } = [];

    public ReconciliationOptions Options { get; }

    public NotificationsOptions Notifications { get; } = new() { Queue = "notifications" };

    public FakeDelayConsentService DelayConsent { get; } = new();

    /// <summary>Where the supplier claims of returns are read from (the lot history counts them per lot).</summary>
    public Application.Returns.ReturnsOptions Claims { get; } = new() { SupplierClaimsTable = "tclaims" };

    public LotSupplySync Sync { get; }

    public ReconciliationStore Plans { get; }

    public ReconcileSkuHandler Reconcile { get; }

    public SupplyChangedOutbox SupplierOutbox { get; }

    /// <summary>Integration events (the ordering harness's): off unless a test sets a topic before it acts.</summary>
    public IntegrationEventsOptions IntegrationEventsOptions => Ordering.IntegrationEventsOptions;

    /// <summary>The integration events published.</summary>
    public RecordingEventPublisher IntegrationEvents => Ordering.IntegrationEvents;

    public SupplierLotEventHandler Events { get; }

    public SupplierLotsQuery LotsQuery { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Reconciliation composed as the app composes it, over <paramref name="ordering"/>'s store, clock and ordering
    /// services, its plans in <paramref name="plans"/> (default: a store of its own over the same tables).
    /// </summary>
    public static ReconcileSkuHandler Handler(OrderingHarness ordering, ReconciliationStore? plans, NotificationsOptions notifications, ReconciliationOptions options, IDelayConsentService delayConsent, RandomSource random)
    {
        plans ??= new ReconciliationStore(ordering.Store, ordering.Options);
        var index = new DemandIndex(plans, ordering.Orders, options, ordering.Time);
        var writer = new PlanWriter(ordering.Store, ordering.Options, options, ordering.Outbox, new OrderChangeNotices(notifications, delayConsent), ordering.PaymentsDue);
        return new ReconcileSkuHandler(
            options,
            plans,
            ordering.Supply,
            ordering.Shops,
            new LotSupplySync(ordering.Store, ordering.Options),
            index,
            writer,
            random,
            ordering.Time,
            NullLogger<ReconcileSkuHandler>.Instance);
    }

    /// <summary>An overdue-lot sweep over this harness's store with <paramref name="options"/>.</summary>
    public OverdueLotSweep OverdueSweep(SuppliersOptions options) =>
        new(Ordering.Store, Ordering.Options, options, Ordering.Shops, SupplierOutbox, Ordering.Time, NullLogger<OverdueLotSweep>.Instance);

    /// <summary>Registers <paramref name="supplierId"/> as the registry does (its row in the suppliers table), so sweeps visit its partition.</summary>
    public async Task RegisterSupplierAsync(string supplierId = "acme")
    {
        await Ordering.Store.CreateTableIfNotExistsAsync(SuppliersOptions.SuppliersTable, Ct);
        var row = new TableEntity(supplierId, StoredSupplier.RowKey, new Dictionary<string, object?> { ["Name"] = supplierId });
        Assert.True((await Ordering.Store.UpsertAsync(SuppliersOptions.SuppliersTable, row, merge: false, Ct)).Succeeded);
    }

    public DateOnly Today => DateOnly.FromDateTime(Ordering.Time.GetUtcNow().UtcDateTime);

    public Task<ReconcileResult> ReconcileAsync(string sku) => Reconcile.ReconcileAsync(Sku.From(sku), Ct);

    /// <summary>Places a one-line order for <paramref name="customer"/> and returns its id; the clock then moves a second on.</summary>
    public async Task<string> PlaceAsync(string sku, int quantity, CustomerTier tier = CustomerTier.Gold, string? customer = null)
    {
        var key = Guid.NewGuid().ToString("N");
        var request = OrderingHarness.Order((sku, quantity)) with { Tier = tier, CustomerId = customer ?? "customer-" + key[..6] };
        var result = await Ordering.Place.PlaceAsync(key, request, Ct);
        var placed = Assert.IsType<PlaceOrderResult.Placed>(result);
        Ordering.Time.Advance(TimeSpan.FromSeconds(1));
        return placed.Order.OrderId;
    }

    public async Task<Order> OrderAsync(string orderId) => (await Ordering.Orders.GetAsync(orderId, Ct))!.Order;

    /// <summary>The tracking of the order's only line.</summary>
    public async Task<LineTracking?> TrackingAsync(string orderId) => (await OrderAsync(orderId)).Lines[0].Tracking;

    /// <summary>Notification messages published so far (to the notifications queue), by message id.</summary>
    public IReadOnlyList<string> NotificationIds =>
        [.. Ordering.Publisher.Published.Where(p => p.Queue == Notifications.Queue).Select(p => p.Message.MessageId)];

    /// <summary>
    /// The orders of <paramref name="sku"/>'s reservation rows whose copy of their order line (tier, placement time,
    /// tracking) differs from the order as stored: none may be left once a plan is marked complete.
    /// </summary>
    public async Task<IReadOnlyList<string>> StaleCopiesAsync(string sku)
    {
        var stale = new List<string>();
        await foreach (var (reservation, _) in Plans.ReservationsAsync(Sku.From(sku), Ct))
        {
            var order = await Ordering.Orders.GetAsync(reservation.OrderId, Ct);
            if (order is null || !SupplyPlanMapping.SameCopy(SupplyPlanMapping.Copy(order.Order, reservation.LineNumber), reservation.Demand))
            {
                stale.Add(reservation.OrderId);
            }
        }

        return stale;
    }

    public Task<SupplierLotEventResult> EtaAsync(string eventId, string lotId, DateTimeOffset supplierTimestamp, string? newEta, IReadOnlyList<SupplierLotLineRequest>? lines = null, bool? cancelled = null) =>
        Events.ApplyEtaUpdateAsync("acme", new EtaUpdateRequest(eventId, supplierTimestamp, lotId, newEta, lines, cancelled, "port congestion"), Ct);

    public Task<SupplierLotEventResult> ReceiptAsync(string eventId, string lotId, DateTimeOffset supplierTimestamp, params (string Sku, int Quantity)[] lines) =>
        Events.ApplyReceiptAsync("acme", new ReceiptRequest(eventId, supplierTimestamp, lotId, [.. lines.Select(l => new SupplierLotLineRequest(l.Sku, l.Quantity))]), Ct);
}
