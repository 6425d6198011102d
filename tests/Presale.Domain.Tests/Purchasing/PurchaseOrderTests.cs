using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Domain.Tests.Purchasing;

public sealed class PurchaseOrderTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PurchaseOrderTerms Terms = new(new OnTimeWindow(2, 1, OnTimeReference.RequestedDate), new ChargebackRates(0.03m, 0.05m, 0.10m));

    private static PurchaseOrder CreateSut() => PurchaseOrder.Create(
        PurchaseOrderId.From("PO-1"),
        "acme",
        "EUR",
        [
            new NewPurchaseOrderLine(Sku.From("CHIP-1"), 100, new Money(2.4567m, "EUR"), Today.AddDays(10)),
            new NewPurchaseOrderLine(Sku.From("CHIP-2"), 50, new Money(1.5m, "EUR"), Today.AddDays(12)),
        ],
        Terms,
        PurchaseOrderSource.Manual,
        null,
        Today,
        At);

    private static PurchaseOrderAcknowledgement Ack(string eventId, AcceptedLine[]? accepted = null, RejectedLine[]? rejected = null) =>
        new(eventId, At, accepted ?? [], rejected ?? []);

    [Fact]
    public void Create_NumbersLinesAndAwaitsAcknowledgement()
    {
        var order = CreateSut();

        Assert.Equal([1, 2], order.Lines.Select(l => l.LineNumber));
        Assert.Equal(PurchaseOrderStatus.AwaitingAcknowledgement, order.Status);
        Assert.Equal(Today.AddDays(10), order.RequestedDeliveryDate);
        Assert.Equal(new Money(320.67m, "EUR"), order.OrderedValue);
    }

    [Fact]
    public void Create_RefusesBrokenInvariants()
    {
        var line = new NewPurchaseOrderLine(Sku.From("CHIP-1"), 1, new Money(1m, "EUR"), Today);
        Assert.Throws<ArgumentException>(() => PurchaseOrder.Create(PurchaseOrderId.From("PO-1"), "acme", "EUR", [], Terms, PurchaseOrderSource.Manual, null, Today, At));
        Assert.Throws<ArgumentException>(() => PurchaseOrder.Create(PurchaseOrderId.From("PO-1"), "acme", "EUR", [line, line], Terms, PurchaseOrderSource.Manual, null, Today, At));
        Assert.Throws<ArgumentException>(() => PurchaseOrder.Create(PurchaseOrderId.From("PO-1"), "acme", "USD", [line], Terms, PurchaseOrderSource.Manual, null, Today, At));
        Assert.Throws<ArgumentException>(() => PurchaseOrder.Create(PurchaseOrderId.From("PO-1"), "acme", "EUR", [line with { RequestedDate = Today.AddDays(-1) }], Terms, PurchaseOrderSource.Manual, null, Today, At));
        Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseOrder.Create(PurchaseOrderId.From("PO-1"), "acme", "EUR", [line with { Quantity = 0 }], Terms, PurchaseOrderSource.Manual, null, Today, At));
    }

    [Fact]
    public void Acknowledge_FirstAcceptanceIsTheCommitment_LaterOnesMoveOnlyTheAnswer()
    {
        var order = CreateSut();

        Assert.True(order.Acknowledge(Ack("a1", [new AcceptedLine(1, 80, Today.AddDays(11))]), Today, At).IsSuccess);
        Assert.True(order.Acknowledge(Ack("a2", [new AcceptedLine(1, 60, Today.AddDays(14))]), Today, At.AddHours(1)).IsSuccess);

        var line = order.Line(1)!;
        Assert.Equal(new LineCommitment(80, Today.AddDays(11), At, "a1"), line.Commitment);
        Assert.Equal((60, Today.AddDays(14), "a2"), (line.AcceptedQuantity, line.Eta, line.Acknowledgement!.EventId));
        Assert.Equal(PurchaseOrderStatus.PartiallyAcknowledged, order.Status);
        Assert.Equal(Today.AddDays(10), line.WindowReference(Terms.Window));
        Assert.Equal(Today.AddDays(11), line.WindowReference(Terms.Window with { Reference = OnTimeReference.FirstAcknowledgedDate }));
    }

    [Fact]
    public void Acknowledge_EveryLineAnswered_IsAcknowledged_OrRejectedWhenAllRejected()
    {
        var accepted = CreateSut();
        Assert.True(accepted.Acknowledge(Ack("a1", [new AcceptedLine(1, 100, Today.AddDays(10))], [new RejectedLine(2, "discontinued")]), Today, At).IsSuccess);
        Assert.Equal(PurchaseOrderStatus.Acknowledged, accepted.Status);
        Assert.True(accepted.IsFullyAcknowledged);
        Assert.Null(accepted.Line(2)!.Commitment);

        var rejected = CreateSut();
        Assert.True(rejected.Acknowledge(Ack("r1", rejected: [new RejectedLine(1, null), new RejectedLine(2, null)]), Today, At).IsSuccess);
        Assert.Equal(PurchaseOrderStatus.Rejected, rejected.Status);
    }

    [Fact]
    public void Acknowledge_RejectionAfterAcceptance_KeepsTheCommitment()
    {
        var order = CreateSut();
        order.Acknowledge(Ack("a1", [new AcceptedLine(1, 100, Today.AddDays(10))]), Today, At);

        Assert.True(order.Acknowledge(Ack("r1", rejected: [new RejectedLine(1, "factory fire")]), Today, At).IsSuccess);

        var line = order.Line(1)!;
        Assert.Equal((LineAnswer.Rejected, 0, (DateOnly?)null, "factory fire"), (line.Acknowledgement!.Answer, line.AcceptedQuantity, line.Eta, line.Acknowledgement.Reason));
        Assert.Equal(100, line.Commitment!.Quantity);
    }

    [Fact]
    public void Acknowledge_RefusesWithEveryReason_AndChangesNothing()
    {
        var order = CreateSut();
        order.Acknowledge(Ack("a1", [new AcceptedLine(1, 80, Today.AddDays(11))]), Today, At);
        var before = order.ToSnapshot();

        var result = order.Acknowledge(
            Ack("bad", [new AcceptedLine(1, 90, Today.AddDays(11)), new AcceptedLine(2, 51, Today.AddDays(-1)), new AcceptedLine(7, 1, Today)], [new RejectedLine(2, null)]),
            Today,
            At);

        Assert.False(result.IsSuccess);
        Assert.Equal(
            [
                (PurchaseOrderErrorCode.UnknownLine, (int?)7),
                (PurchaseOrderErrorCode.LineTwice, 2),
                (PurchaseOrderErrorCode.CommitmentRaised, 1),
                (PurchaseOrderErrorCode.QuantityOutOfRange, 2),
                (PurchaseOrderErrorCode.EtaInPast, 2),
            ],
            result.Errors.Select(e => (e.Code, e.LineNumber)));
        Assert.Equal(before.Lines, order.Lines);
    }

    [Fact]
    public void Acknowledge_NamingNoLine_IsRefused() =>
        Assert.Equal(PurchaseOrderErrorCode.NothingAcknowledged, Assert.Single(CreateSut().Acknowledge(Ack("empty"), Today, At).Errors).Code);

    [Fact]
    public void Restore_RoundTripsTheSnapshot()
    {
        var order = CreateSut();
        order.Acknowledge(Ack("a1", [new AcceptedLine(2, 50, Today.AddDays(12))]), Today, At);

        var restored = PurchaseOrder.Restore(order.ToSnapshot());

        Assert.Equal(order.ToSnapshot().Lines, restored.Lines);
        Assert.Equal(order.Status, restored.Status);
    }

    [Theory]
    [InlineData("PO-1", 3, "PO-1-L3")]
    [InlineData("PO-L2", 12, "PO-L2-L12")]
    public void LotIds_RoundTrip(string purchaseOrderId, int line, string lotId)
    {
        Assert.Equal(lotId, PurchaseOrderLots.LotId(PurchaseOrderId.From(purchaseOrderId), line));
        Assert.True(PurchaseOrderLots.TryParse(lotId, out var id, out var number));
        Assert.Equal((purchaseOrderId, line), (id.Value, number));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("LOT-7")]
    [InlineData("-L3")]
    [InlineData("PO-1-L0")]
    [InlineData("PO-1-Lx")]
    public void LotIds_OtherLotsAreNotPurchaseOrderLines(string? lotId) =>
        Assert.False(PurchaseOrderLots.TryParse(lotId, out _, out _));

    [Theory]
    [InlineData("1.5", 1)]
    [InlineData("1.50", 1)]
    [InlineData("2", 0)]
    [InlineData("0.000001", 6)]
    [InlineData("0.0000010", 6)]
    public void UnitCost_CountsRealDecimals(string value, int decimals) =>
        Assert.Equal(decimals, UnitCost.Decimals(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.0000001")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000000000.01")]
    public void UnitCost_RefusesOutOfRange(string value) =>
        Assert.NotNull(UnitCost.Validate(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void CatalogueItem_RoundsUpToTheMinimumAndWholeCases()
    {
        var item = new CatalogueItem(Sku.From("CHIP-1"), new Money(1m, "EUR"), MinimumOrderQuantity: 100, PackSize: 25);

        Assert.Equal(100, item.OrderQuantity(1));
        Assert.Equal(125, item.OrderQuantity(101));
        Assert.Equal(150, item.OrderQuantity(150));
    }

    [Fact]
    public void PaymentTerms_DueFromInvoiceOrFromTheEarliestReceiptButNeverBeforeIssue()
    {
        var issued = new DateOnly(2026, 4, 1);
        Assert.Equal(new DateOnly(2026, 5, 1), new PaymentTerms(30, PaymentTermsBasis.Invoice).DueDate(issued, new DateOnly(2026, 3, 5)));
        Assert.Equal(new DateOnly(2026, 4, 4), new PaymentTerms(30, PaymentTermsBasis.Receipt).DueDate(issued, new DateOnly(2026, 3, 5)));
        Assert.Equal(issued, new PaymentTerms(10, PaymentTermsBasis.Receipt).DueDate(issued, new DateOnly(2026, 3, 5)));
        Assert.Equal(issued, new PaymentTerms(30, PaymentTermsBasis.Receipt).DueDate(issued, null));
    }
}
