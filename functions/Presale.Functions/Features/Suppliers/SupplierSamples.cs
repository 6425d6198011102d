using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Suppliers;
using Presale.Functions.Features.Orders;

namespace Presale.Functions.Features.Suppliers;

/// <summary>Example bodies of the supplier routes: supplier acme, its webhook secret and its lot LOT-2026-031 of KB-75.</summary>
internal static class SupplierSamples
{
    public const string SupplierId = "acme";

    public static CreateSupplierRequest CreateRequest { get; } = new(SupplierId, "Acme Keyboards Ltd.", new SupplierContact("Order desk", "orders@acme.example", "+441632960961"), 21);

    public static SupplierView Supplier { get; } = new(
        SupplierId,
        "Acme Keyboards Ltd.",
        new SupplierContact("Order desk", "orders@acme.example", "+441632960961"),
        21,
        OrderSamples.Now.AddDays(-30),
        new WebhookSecretStatusView(OrderSamples.Now.AddDays(-1), null),
        new WebhookSecretStatusView(OrderSamples.Now.AddDays(-30), OrderSamples.Now.AddDays(-1).AddHours(24)));

    public static IssuedWebhookSecret IssuedSecret { get; } = new(SupplierId, "whsec_Jq3vYV0cX2m8d7S1kLwP4nR6tUe9ZbA5hGfCiOyMxTs", OrderSamples.Now, OrderSamples.Now.AddHours(24));

    public static SupplierScorecardView Scorecard { get; } = new(SupplierId, new DateOnly(2026, 3, 2), 2, false, 14, 12, 11, 0.9167, 1.25, 1, 3, 0.5, 0.985, 0.0714, 0.0833, SupplierGrade.B, 5, 1);

    public static EtaUpdateRequest EtaUpdate { get; } = new("evt-20260303-0017", OrderSamples.Now.AddDays(1), "LOT-2026-031", "2026-03-27", null, null, "Port congestion in Rotterdam");

    public static ReceiptRequest Receipt { get; } = new("evt-20260320-0042", OrderSamples.Now.AddDays(18), "LOT-2026-031", [new SupplierLotLineRequest("KB-75", 120)]);

    public static SupplierWebhookAcknowledgement Applied(string eventId) => new(eventId, SupplierEventOutcome.Applied, null);

    public static IReadOnlyList<SupplierLotDemandView> LotDemand { get; } =
    [
        new SupplierLotDemandView(
            "LOT-2026-031",
            "PO-88123",
            "open",
            new DateOnly(2026, 3, 27),
            200,
            0,
            0,
            [new LotLineView("KB-75", 200, 0, 0)],
            [new EtaChangeView(new DateOnly(2026, 3, 20), OrderSamples.Now, "registered"), new EtaChangeView(new DateOnly(2026, 3, 27), OrderSamples.Now.AddDays(1), "Port congestion in Rotterdam")],
            37,
            64,
            new DateOnly(2026, 3, 22)),
    ];
}
