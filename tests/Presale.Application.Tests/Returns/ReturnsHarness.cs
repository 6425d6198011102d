using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Returns;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Application.Tests.IntegrationEvents;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Testing;

namespace Presale.Application.Tests.Returns;

/// <summary>
/// The ordering use cases (<see cref="OrderingHarness"/>) and every returns use case on one store, clock and publisher,
/// with helpers to get a delivered order and a return ready to inspect.
/// </summary>
internal sealed class ReturnsHarness
{
    public ReturnsHarness(ITableStore? store = null, string? tablePrefix = null, Action<ReturnsOptions>? configure = null, Messaging.IMessagePublisher? publisher = null)
    {
        // The store's own clock only stamps rows; the use cases all read the harness's clock.
        Gate = new ReadGateTableStore(store ?? new InMemoryTableStore(new FakeTimeProvider(TestClock.Start)));
        var prefix = tablePrefix ?? "t";
        Ordering = new OrderingHarness(Gate, shards: 4, tablePrefix: prefix);
        Options = new ReturnsOptions { ReturnsTable = prefix + "returns", SupplierClaimsTable = prefix + "claims", OutboxGrace = TimeSpan.FromSeconds(30) };
        configure?.Invoke(Options);
        var random = new RandomSource(new Random(11));
        Returns = new ReturnRepository(Gate, Options);
        var settlement = new ReturnSettlement(Options, Notifications, Ordering.Shops, new NotificationComposer(), new OriginalShippingRefunds(Returns, Ordering.Orders, random), IntegrationEventsOptions);
        Effects = new ReturnEffectProcessor(Gate, Returns, Options, Ordering.Options, Ordering.Orders, Ordering.Stock, publisher ?? Ordering.Publisher, IntegrationEvents, random, Time, Log.For<ReturnEffectProcessor>());
        Create = new CreateReturnHandler(Returns, Ordering.Orders, Ordering.Supply, Ordering.Shops, settlement, Effects, new CreateReturnRequestValidator(Options), Options, random, Time);
        Lifecycle = new ReturnLifecycleHandler(Returns, settlement, Effects, Options, random, Time);
        Review = new ReviewQueueQuery(Returns);
        Triage = new TriageReturnsRun(Returns, settlement, Effects, Ordering.Shops, Options, random, Time, Log.For<TriageReturnsRun>());
        Shipments = Ordering.Ship;
    }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public OrderingHarness Ordering { get; }

    /// <summary>What the returns use cases logged.</summary>
    public RecordingLog Log { get; } = new();

    public ReadGateTableStore Gate { get; }

    public FakeTimeProvider Time => Ordering.Time;

    public RecordingPublisher Publisher => Ordering.Publisher;

    public ReturnsOptions Options { get; }

    public NotificationsOptions Notifications { get; } = new();

    public ReturnRepository Returns { get; }

    public ReturnEffectProcessor Effects { get; }

    /// <summary>Integration events (the ordering harness's): off unless a test sets a topic before it acts.</summary>
    public IntegrationEventsOptions IntegrationEventsOptions => Ordering.IntegrationEventsOptions;

    /// <summary>The integration events published.</summary>
    public RecordingEventPublisher IntegrationEvents => Ordering.IntegrationEvents;

    public CreateReturnHandler Create { get; }

    public ReturnLifecycleHandler Lifecycle { get; }

    public ReviewQueueQuery Review { get; }

    public TriageReturnsRun Triage { get; }

    public RecordShipmentHandler Shipments { get; }

    /// <summary>The shipping charge of the orders <see cref="OrderAsync"/> places (none when null).</summary>
    public decimal? ShippingCharge { get; set; }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    /// <summary>Configures the shop and SKUs (category <c>audio</c>), places an order for <paramref name="lines"/> and delivers it today.</summary>
    public Task<string> DeliveredOrderAsync(string customerId, params (string Sku, int Quantity, decimal Price)[] lines) =>
        OrderAsync(customerId, delivered: true, lines);

    /// <summary>Like <see cref="DeliveredOrderAsync"/>, shipped today and delivered today only when <paramref name="delivered"/>.</summary>
    public async Task<string> OrderAsync(string customerId, bool delivered, params (string Sku, int Quantity, decimal Price)[] lines)
    {
        await Ordering.ConfigureShopAsync();
        foreach (var (sku, quantity, _) in lines)
        {
            if (await Ordering.Supply.LoadAsync(Sku.From(sku), Ct) is null)
            {
                var saved = await Ordering.Skus.PutAsync(Sku.From(sku), new Catalog.SkuSettingsRequest(true, null, null, 0, 1000, null, 10, "audio"), Ct);
                Assert.IsType<Catalog.SkuSettingsResult.Saved>(saved);
            }

            var stocked = await Ordering.Stock.AdjustAsync(Sku.From(sku), $"stock-{sku}-{customerId}", new StockAdjustmentRequest(quantity, StockAdjustmentReason.Delivery, null), Ct);
            Assert.IsType<StockAdjustmentResult.Applied>(stocked);
        }

        var placed = await Ordering.Place.PlaceAsync("order-" + customerId, new PlaceOrderRequest(
            customerId, CustomerTier.Standard, new NotificationContactRequest("c@example.com", null),
            [.. lines.Select(l => new PlaceOrderLineRequest(l.Sku, l.Quantity, l.Price))], "EUR", true, ShippingCharge), Ct);
        var orderId = Assert.IsType<PlaceOrderResult.Placed>(placed).Order.OrderId;
        var shipped = await Shipments.RecordAsync(orderId, new RecordShipmentRequest("ship-1", [.. lines.Select(l => new ShipmentLineRequest(l.Sku, l.Quantity))], Today, delivered ? Today : null), Ct);
        Assert.IsType<RecordShipmentResult.Recorded>(shipped);
        return orderId;
    }

    public static CreateReturnRequest Request(string orderId, string customerId, params (string Sku, int Quantity, Domain.Returns.ReturnReason Reason)[] lines) =>
        new(orderId, customerId, [.. lines.Select(l => new CreateReturnLineRequest(l.Sku, l.Quantity, l.Reason, null))], null);

    public async Task<ReturnView> CreatedAsync(string key, CreateReturnRequest request)
    {
        var result = await Create.CreateAsync(key, request, Ct);
        return Assert.IsType<CreateReturnResult.Created>(result).Return;
    }

    public async Task<ReturnView> DoneAsync(Task<ReturnCommandResult> command) => Assert.IsType<ReturnCommandResult.Done>(await command).Return;

    public Task<ReturnCommandResult> ReceiveAsync(string returnId, params (string Unit, Domain.Returns.ConditionGrade Grade)[] units) =>
        Lifecycle.ReceiveAsync(returnId, new ReceiveReturnRequest([.. units.Select(u => new UnitReceiptRequest(u.Unit, u.Grade, "SN-" + u.Unit, null))]), Ct);

    public async Task<int> OnHandAsync(string sku) => (await Ordering.StateAsync(sku)).Ledger.OnHand;

    public IReadOnlyList<(string Queue, Messaging.OutboundMessage Message)> PublishedTo(string queue) =>
        [.. Publisher.Published.Where(p => p.Queue == queue)];
}
