using Presale.Application.Catalog;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Reconciliation;
using Presale.Domain.Supply;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Example bodies of the ordering routes, one consistent story: keyboard KB-75 on pre-sale in a Berlin shop, on hand
/// today, a lot LOT-2026-031 from supplier acme due on the 20th, and customer cust-4711's order of two.
/// </summary>
internal static class OrderSamples
{
    public const string OrderId = "o1a3f9c02d4b5e6f708192a3b4";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static ShopSettingsRequest ShopRequest { get; } = new("Europe/Berlin", "EUR", 2, "de-DE");

    public static ShopSettingsView Shop { get; } = new("Europe/Berlin", "EUR", 2, "de-DE");

    public static SkuSettingsRequest SkuRequest { get; } = new(true, Now, Now.AddDays(30), 50, 3, null, 14, "keyboards");

    public static SkuSettingsView Sku { get; } = new("KB-75", true, Now, Now.AddDays(30), 50, 3, null, 14, "keyboards");

    public static StockAdjustmentRequest AdjustmentRequest { get; } = new(12, StockAdjustmentReason.Delivery, "Pallet 7, counted at intake");

    public static SupplyView Supply { get; } = new(
        "KB-75",
        12,
        50,
        [new InboundLotView("acme", "LOT-2026-031", "PO-88123", 200, new DateOnly(2026, 3, 20))],
        262,
        3,
        259,
        [
            new SupplySegmentView(new SupplySourceView(SupplyKind.OnHand), 12, 3, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4)),
            new SupplySegmentView(new SupplySourceView(SupplyKind.Lot, "acme", "LOT-2026-031"), 200, 0, new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 22)),
            new SupplySegmentView(new SupplySourceView(SupplyKind.Cap), 50, 0, new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 5)),
        ]);

    public static RegisterLotRequest LotRequest { get; } = new("LOT-2026-031", "PO-88123", new DateOnly(2026, 3, 20), [new LotLineRequest("KB-75", 200)]);

    public static LotView Lot { get; } = new(
        "acme",
        "LOT-2026-031",
        "PO-88123",
        new DateOnly(2026, 3, 20),
        "open",
        [new LotLineView("KB-75", 200, 0, 0)],
        [new EtaChangeView(new DateOnly(2026, 3, 20), Now, "registered")],
        Now);

    public static QuoteRequest QuoteRequest { get; } = new([new QuoteLineRequest("KB-75", 2)]);

    public static QuoteView Quote { get; } = new(new DateOnly(2026, 3, 2), [new QuoteLineView(1, "KB-75", 2, true, new DateOnly(2026, 3, 4), new SupplySourceView(SupplyKind.OnHand), 259)]);

    public static PlaceOrderRequest OrderRequest { get; } = new(
        "cust-4711",
        CustomerTier.Gold,
        new NotificationContactRequest("jane@example.com", "+4915112345678"),
        [new PlaceOrderLineRequest("KB-75", 2, 129.00m)],
        "EUR",
        true,
        4.90m);

    public static OrderView Order { get; } = new(
        OrderId,
        OrderStatus.Confirmed,
        "cust-4711",
        CustomerTier.Gold,
        new ContactView("jane@example.com", "+4915112345678"),
        "EUR",
        [new OrderLineView(1, "KB-75", 2, 129.00m, new DateOnly(2026, 3, 4), new SupplySourceView(SupplyKind.OnHand))],
        258.00m,
        4.90m,
        Now,
        Now,
        null,
        null);

    /// <summary>The order as read a day later, after a reconciliation set its units aside.</summary>
    public static OrderView TrackedOrder { get; } = Order with
    {
        Lines = [Order.Lines[0] with { Tracking = new LineTrackingView(PromiseStatus.ReadyToShip, new DateOnly(2026, 3, 4), 2, Now.AddDays(1)) }],
    };

    public static CancelOrderRequest CancelRequest { get; } = new("Ordered twice");

    /// <summary>Cancelled before anything shipped: the lines and the shipping charge are refunded.</summary>
    public static OrderView CancelledOrder { get; } = Order with { Status = OrderStatus.Cancelled, RefundDue = 262.90m, CancellationReason = "Ordered twice", UpdatedAt = Now.AddHours(2) };

    public static RecordShipmentRequest ShipmentRequest { get; } = new("PARCEL-5521", [new ShipmentLineRequest("KB-75", 2)], new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6));

    public static OrderFulfilmentView Fulfilment { get; } = new(
        OrderId,
        OrderStatus.Confirmed,
        [new FulfilmentLineView("KB-75", 2, 2, 2, new DateOnly(2026, 3, 6))],
        [new ShipmentView("PARCEL-5521", [new ShipmentLineRequest("KB-75", 2)], new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 6))]);

    /// <summary>The availability a short placement reports per line.</summary>
    public static LineAvailability[] ShortLines { get; } = [new LineAvailability(1, "KB-75", 2, 1, new DateOnly(2026, 4, 5), new SupplySourceView(SupplyKind.Cap))];
}
