using Presale.Application.Returns;
using Presale.Domain.Common;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Triage;
using Presale.Functions.Features.Orders;

namespace Presale.Functions.Features.Returns;

/// <summary>Example bodies of the returns routes: cust-4711 sends back one of the two KB-75 of order <see cref="OrderSamples.OrderId"/>.</summary>
internal static class ReturnSamples
{
    public const string ReturnId = "r0b5c3e9a1d7f2468ace13579bd";

    public const string UnitId = "KB-75:1";

    public static ReturnUnitId Unit { get; } = new(Sku.From("KB-75"), 1);

    public static readonly DateTimeOffset RequestedAt = new(2026, 3, 10, 8, 30, 0, TimeSpan.Zero);

    public static CreateReturnRequest CreateRequest { get; } = new(
        OrderSamples.OrderId, "cust-4711", [new CreateReturnLineRequest("KB-75", 1, ReturnReason.ChangedMind, ConditionGrade.A)], []);

    /// <summary>Just requested: approved at intake, waiting for the parcel.</summary>
    public static ReturnView Approved { get; } = new(
        ReturnId,
        OrderSamples.OrderId,
        "cust-4711",
        ReturnStatus.Approved,
        false,
        "EUR",
        RequestedAt,
        null,
        new EligibilityView(true, [], [new EligibilityLineView("KB-75", 1, ReturnReason.ChangedMind, true, [], new DateOnly(2026, 4, 5))]),
        [new ReturnLineView("KB-75", "keyboards", 1, 129.00m, new DateOnly(2026, 3, 6), ReturnReason.ChangedMind, ConditionGrade.A, [UnitId])],
        [new ReturnUnitView(UnitId, null, null, null, null, null, null, null, null)],
        [],
        [new ReturnTimelineView(ReturnStatus.Requested, RequestedAt, null), new ReturnTimelineView(ReturnStatus.Approved, RequestedAt, null)],
        null,
        []);

    /// <summary>Every line refused: the return window closed.</summary>
    public static EligibilityView NotEligible { get; } = new(
        false,
        [],
        [new EligibilityLineView("KB-75", 1, ReturnReason.ChangedMind, false,
            [new ReasonView(IneligibilityCode.WindowClosed, "The 30-day return window for SKU KB-75 closed on 2026-04-05 (delivered 2026-03-06).")], new DateOnly(2026, 4, 5))]);

    /// <summary>Requested after the window closed: recorded as rejected with every reason (the customer is told).</summary>
    public static ReturnView Rejected { get; } = Approved with
    {
        Status = ReturnStatus.Rejected,
        Eligibility = NotEligible,
        Units = [],
        Timeline = [new ReturnTimelineView(ReturnStatus.Requested, RequestedAt, null), new ReturnTimelineView(ReturnStatus.Rejected, RequestedAt, "No line is eligible for return.")],
    };

    public static CancelReturnRequest CancelRequest { get; } = new("cust-4711", null, "Decided to keep it");

    /// <summary>Withdrawn by the customer before the parcel was sent: the unit can be returned again later.</summary>
    public static ReturnView Cancelled { get; } = Approved with
    {
        Status = ReturnStatus.Cancelled,
        Timeline = [.. Approved.Timeline, new ReturnTimelineView(ReturnStatus.Cancelled, RequestedAt.AddHours(3), "Withdrawn by customer cust-4711: Decided to keep it")],
    };

    public static MarkInTransitRequest InTransitRequest { get; } = new("1Z999AA10123456784");

    public static ReturnView InTransit { get; } = Approved with
    {
        Status = ReturnStatus.InTransit,
        TrackingReference = "1Z999AA10123456784",
        Timeline = [.. Approved.Timeline, new ReturnTimelineView(ReturnStatus.InTransit, RequestedAt.AddDays(1), null)],
    };

    public static ReceiveReturnRequest ReceiveRequest { get; } = new([new UnitReceiptRequest(UnitId, ConditionGrade.B, "SN-KB75-000913", "Opened, keycaps complete")]);

    public static ReturnView Received { get; } = InTransit with
    {
        Status = ReturnStatus.Received,
        Units = [new ReturnUnitView(UnitId, ConditionGrade.B, "SN-KB75-000913", "Opened, keycaps complete", RequestedAt.AddDays(4), null, null, null, null)],
        Timeline = [.. InTransit.Timeline, new ReturnTimelineView(ReturnStatus.Received, RequestedAt.AddDays(4), null)],
    };

    public static DecideUnitRequest DecideRequest { get; } = new(UnitId, TriageAction.Refurbish, "ana", "Opened but complete: refurbish and sell as B-stock");

    public static ReturnView Decided { get; } = Received with
    {
        Status = ReturnStatus.Triaged,
        Units = [Received.Units[0] with { Action = TriageAction.Refurbish, DecidedBy = "reviewer ana", DecidedAt = RequestedAt.AddDays(5) }],
        Timeline = [.. Received.Timeline, new ReturnTimelineView(ReturnStatus.Triaged, RequestedAt.AddDays(5), null)],
    };

    public static ReviewQueuePage ReviewQueue { get; } = new(
        [new ReviewQueueItem(ReturnId, OrderSamples.OrderId, "cust-4711", ReturnStatus.Received, [UnitId], "rule 'serial-returner'", RequestedAt.AddDays(4))],
        null);
}
