using Presale.Application.IntegrationEvents;
using Presale.Application.Notifications;
using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.Notifications;
using Presale.Domain.Payments;
using Presale.Domain.Alerts;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Returns;
using Presale.Domain.Suppliers;

namespace Presale.Adapters.Tests.IntegrationEvents;

/// <summary>
/// One event of every kind, built the way the app builds it: the notification kinds through
/// <see cref="NotificationEvents.From"/>, the others through <see cref="IntegrationEvent.Create"/> with their data records.
/// </summary>
internal static class EventSamples
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Every kind, with the routing properties its message must carry (besides <c>version</c>).</summary>
    public static TheoryData<string> Kinds => [.. IntegrationEventTypes.All];

    public static IntegrationEvent Of(string type) => type switch
    {
        IntegrationEventTypes.OrderConfirmed => FromNotification(Notice(NotificationKind.OrderConfirmed) with { PromisedDate = new DateOnly(2026, 3, 20) }),
        IntegrationEventTypes.OrderDelayed => FromNotification(Notice(NotificationKind.Delayed) with
        {
            DelayNumber = 1,
            PromisedDate = new DateOnly(2026, 3, 20),
            RevisedDate = new DateOnly(2026, 4, 10),
            ConsentRequired = true,
            ConsentDeadline = At.AddDays(7),
            Links = [new NotificationLink(NotificationLink.CancelOrder, new Uri("https://shop.example/cancel?t=secret"))],
        }),
        IntegrationEventTypes.CompensationIssued => FromNotification(Notice(NotificationKind.CompensationIssued) with
        {
            CompensationTier = 1,
            CompensationKind = CompensationKind.Coupon,
            Amount = new Money(12.50m, "EUR"),
        }),
        IntegrationEventTypes.OrderReadyToShip => FromNotification(Notice(NotificationKind.ReadyToShip) with { ReadyDate = new DateOnly(2026, 3, 18) }),
        IntegrationEventTypes.OrderCancelled => FromNotification(Notice(NotificationKind.CancelledAndRefunded) with
        {
            CancellationCause = CancellationCause.NoConsentToDelay,
            Amount = new Money(59.90m, "EUR"),
        }),
        IntegrationEventTypes.ReturnDecided => FromNotification(Notice(NotificationKind.ReturnDecided) with
        {
            ReturnId = "r-1",
            ReturnDecision = ReturnDecision.Refund,
            Amount = new Money(20m, "EUR"),
        }),
        IntegrationEventTypes.PaymentDue => IntegrationEvent.Create(
            IntegrationEventTypes.PaymentDue,
            "payment-due:o-1:1-balance:2026-03-18",
            At,
            "o-1",
            new PaymentDueData("o-1", "c-1", "1-balance", InstalmentKind.Balance, 1, "KB-75", new EventMoney(47.92m, "EUR"), new DateOnly(2026, 3, 18), new Uri("https://shop.example/orders/o-1/payment")),
            new Dictionary<string, object> { ["customerId"] = "c-1", ["orderId"] = "o-1", ["sku"] = "KB-75" }),
        IntegrationEventTypes.ReturnReceived => IntegrationEvent.Create(
            IntegrationEventTypes.ReturnReceived,
            "return-received:r-1:1",
            At,
            "r-1",
            new ReturnReceivedData("r-1", "o-1", "c-1", [new ReturnedUnitData("KB-75:1", "KB-75", ConditionGrade.B)]),
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [IntegrationEventProperties.CustomerId] = "c-1",
                [IntegrationEventProperties.OrderId] = "o-1",
                [IntegrationEventProperties.ReturnId] = "r-1",
                [IntegrationEventProperties.Skus] = "|KB-75|",
                [IntegrationEventProperties.Sku] = "KB-75",
            }),
        IntegrationEventTypes.SupplierLotAtRisk => IntegrationEvent.Create(
            IntegrationEventTypes.SupplierLotAtRisk,
            LotAtRiskEvents.Key("acme", "L1", "eta-1"),
            At,
            "L1",
            new LotAtRiskData("acme", "L1", "PO-7", "eta-1", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 30), 2, 3, 18,
            [
                new LotAtRiskSkuData("KB-75", 1, 1, new DateOnly(2026, 3, 12), new DateOnly(2026, 4, 1), 20),
                new LotAtRiskSkuData("MS-20", 1, 2, new DateOnly(2026, 3, 15), new DateOnly(2026, 4, 1), 17),
            ]),
            new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [IntegrationEventProperties.SupplierId] = "acme",
                [IntegrationEventProperties.LotId] = "L1",
                [IntegrationEventProperties.Skus] = "|KB-75|MS-20|",
            }),
        IntegrationEventTypes.PurchaseOrderCreated => PurchasingEvents.Created(PurchaseOrder(), At),
        IntegrationEventTypes.PurchaseOrderAcknowledged => PurchasingEvents.Acknowledged(AcknowledgedOrder(), "ack-7781", At.AddHours(-1), At),
        IntegrationEventTypes.SupplierStatementClosed => PurchasingEvents.StatementClosed(Statement(), At),
        IntegrationEventTypes.AlertRaised => AlertEvents.Raised(
            new AlertRaisedData(
                "resourcing|acme|PO-7-L1|KB-75",
                AlertKind.Resourcing,
                "suppliers/acme/lots/PO-7-L1",
                "Lot PO-7-L1 of acme misses 2 promises of KB-75; keyco could deliver sooner.",
                System.Text.Json.Nodes.JsonNode.Parse("""{"supplierId":"acme","lotId":"PO-7-L1","sku":"KB-75","ordersSaved":2}"""),
                At),
            new Dictionary<string, string> { ["supplierId"] = "acme", ["lotId"] = "PO-7-L1", ["sku"] = "KB-75" }),
        IntegrationEventTypes.AlertCleared => AlertEvents.Cleared(
            new AlertClearedData("po-unacknowledged|acme|PO-7", AlertKind.PurchaseOrderUnacknowledged, "suppliers/acme/purchase-orders/PO-7", "acknowledged", At.AddDays(-1), At),
            new Dictionary<string, string> { ["supplierId"] = "acme", ["purchaseOrderId"] = "PO-7" }),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No sample for this kind."),
    };

    private static PurchaseOrder PurchaseOrder() => Domain.Purchasing.PurchaseOrder.Create(
        PurchaseOrderId.From("PO-7"),
        "acme",
        "EUR",
        [new NewPurchaseOrderLine(Sku.From("KB-75"), 300, new Money(2.4567m, "EUR"), new DateOnly(2026, 3, 15)), new NewPurchaseOrderLine(Sku.From("MS-20"), 40, new Money(9.5m, "EUR"), new DateOnly(2026, 3, 16))],
        new PurchaseOrderTerms(new OnTimeWindow(2, 0, OnTimeReference.RequestedDate), new ChargebackRates(0.03m, 0.05m, 0.10m)),
        new PurchaseOrderSource(PurchaseOrderOrigin.Suggestion, "KB-75|acme|2026-03-02"),
        null,
        new DateOnly(2026, 3, 2),
        At.AddHours(-2));

    private static PurchaseOrder AcknowledgedOrder()
    {
        var order = PurchaseOrder();
        var applied = order.Acknowledge(new PurchaseOrderAcknowledgement("ack-7781", At.AddHours(-1), [new AcceptedLine(1, 300, new DateOnly(2026, 3, 15))], [new RejectedLine(2, "discontinued")]), new DateOnly(2026, 3, 2), At);
        return applied.IsSuccess ? order : throw new InvalidOperationException("The sample acknowledgement does not apply.");
    }

    private static SupplierStatement Statement()
    {
        var march = SettlementPeriod.Containing(SettlementPeriodKind.Monthly, new DateOnly(2026, 3, 1));
        var line = new SettlementLineFacts(
            PurchaseOrderId.From("PO-7"), 1, Sku.From("KB-75"), new Money(2.4567m, "EUR"), 300, 300, (new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 15)),
            new ChargebackRates(0.03m, 0.05m, 0.10m), [new Delivery(new DateOnly(2026, 3, 14), 120, "r1"), new Delivery(new DateOnly(2026, 3, 16), 180, "r2")], 0, true);
        var terms = new SupplierTerms(
            "EUR", new PaymentTerms(30, PaymentTermsBasis.Receipt), new OnTimeWindow(2, 0, OnTimeReference.RequestedDate), new ChargebackRates(0.03m, 0.05m, 0.10m),
            new RebateSchedule(new Dictionary<SupplierGrade, decimal> { [SupplierGrade.A] = 0.02m }, []), []);
        return StatementCalculator.Compute(new StatementInput("acme", march, march.Start.AddDays(-1), terms, SupplierGrade.A, 0.97, [line], [], march.Previous.Start, SettlementPosition.Empty)).Statement;
    }

    /// <summary>The application properties a message of <paramref name="type"/> carries, with the sample's values.</summary>
    public static IReadOnlyDictionary<string, object> RoutingOf(string type) => type switch
    {
        IntegrationEventTypes.OrderDelayed => Routing(("customerId", "c-1"), ("orderId", "o-1"), ("consentRequired", true)),
        IntegrationEventTypes.ReturnDecided => Routing(("customerId", "c-1"), ("orderId", "o-1"), ("returnId", "r-1")),
        IntegrationEventTypes.PaymentDue => Routing(("customerId", "c-1"), ("orderId", "o-1"), ("sku", "KB-75")),
        IntegrationEventTypes.ReturnReceived => Routing(("customerId", "c-1"), ("orderId", "o-1"), ("returnId", "r-1"), ("sku", "KB-75"), ("skus", "|KB-75|")),
        IntegrationEventTypes.SupplierLotAtRisk => Routing(("supplierId", "acme"), ("lotId", "L1"), ("skus", "|KB-75|MS-20|")),
        IntegrationEventTypes.PurchaseOrderCreated or IntegrationEventTypes.PurchaseOrderAcknowledged => Routing(("supplierId", "acme"), ("purchaseOrderId", "PO-7"), ("skus", "|KB-75|MS-20|")),
        IntegrationEventTypes.SupplierStatementClosed => Routing(("supplierId", "acme")),
        IntegrationEventTypes.AlertRaised => Routing(("alertKind", "resourcing"), ("supplierId", "acme"), ("lotId", "PO-7-L1"), ("sku", "KB-75")),
        IntegrationEventTypes.AlertCleared => Routing(("alertKind", "purchaseOrderUnacknowledged"), ("supplierId", "acme"), ("purchaseOrderId", "PO-7")),
        _ => Routing(("customerId", "c-1"), ("orderId", "o-1")),
    };

    private static Dictionary<string, object> Routing(params (string Name, object Value)[] properties)
    {
        var routing = properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        routing["version"] = 1;
        return routing;
    }

    private static IntegrationEvent FromNotification(Notification notification) =>
        NotificationEvents.From(NotificationMessage.From(notification, At)) ?? throw new InvalidOperationException($"{notification.Kind} has no event.");

    private static Notification Notice(NotificationKind kind) => new()
    {
        Kind = kind,
        OrderId = "o-1",
        CustomerId = "c-1",
        DeduplicationKey = $"o-1:{kind}:1",
        Locale = "de-DE",
        Title = "Rendered title",
        Text = "Rendered text",
    };
}
