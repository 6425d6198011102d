using System.Text.Json;
using Presale.Application.Common;
using Presale.Domain.Common;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>
/// A return's snapshot as stored JSON, mapped by hand so the stored shape does not follow domain refactorings by
/// accident. Enums are stored by name, money as amounts in the return's currency.
/// </summary>
internal static class ReturnDocument
{
    public static string Write(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = request.ToSnapshot();
        var doc = new Doc(
            s.Id, s.OrderId, s.CustomerId, s.Currency, s.RequestedAt, s.RequestedOn,
            new EligibilityDoc(
                [.. s.Eligibility.RequestReasons.Select(r => new ReasonDoc(r.Code, r.Message))],
                [.. s.Eligibility.Lines.Select(l => new VerdictDoc(l.Line.Sku.Value, l.Line.Quantity, l.Line.Reason, l.Line.StatedCondition, [.. l.Reasons.Select(r => new ReasonDoc(r.Code, r.Message))], l.LastReturnDay))]),
            [.. s.Lines.Select(l => new LineDoc(l.Sku.Value, l.Category, l.Quantity, l.UnitPrice.Amount, l.DeliveredOn, l.SupplierId, l.WarrantyUntil, l.Reason, l.StatedCondition))],
            s.ReturnShippingCost?.Amount,
            [.. s.PhotoUrls.Select(u => u.ToString())],
            s.Status,
            s.TrackingReference,
            s.Refund is { } refund ? RefundDoc.From(refund) : null,
            [.. s.Units.Select(u => new UnitDoc(
                u.Id.ToString(),
                u.Receipt is { } r ? new ReceiptDoc(r.Grade, r.Serial, r.Notes) : null,
                u.ReceivedAt,
                u.Decision is { } d ? new DecisionDoc(d.Action, d.Source, d.RuleName, d.Reviewer, d.Note) : null,
                u.DecidedAt))],
            [.. s.Timeline.Select(t => new TimelineDoc(t.Status, t.At, t.Note))],
            [.. s.SupplierClaims.Select(c => new ClaimDoc(c.ClaimId, c.ReturnId, c.OrderId, c.SupplierId, c.UnitId.ToString(), c.Reason, c.Grade, c.UnitValue.Amount, c.WarrantyUntil, c.DecidedBy, c.CreatedAt))]);
        return JsonSerializer.Serialize(doc, PresaleJson.Options);
    }

    public static ReturnRequest Read(string json)
    {
        var d = JsonSerializer.Deserialize<Doc>(json, PresaleJson.Options) ?? throw new FormatException("A stored return is empty.");
        var currency = d.Currency;
        Money M(decimal amount) => new(amount, currency);
        return ReturnRequest.Restore(new ReturnRequestSnapshot(
            d.Id, d.OrderId, d.CustomerId, currency, d.RequestedAt, d.RequestedOn,
            new EligibilityResult(
                [.. d.Eligibility.RequestReasons.Select(r => new Ineligibility(r.Code, r.Message))],
                [.. d.Eligibility.Lines.Select(l => new LineEligibility(
                    new ReturnIntakeLine(Sku.From(l.Sku), l.Quantity, l.Reason, l.StatedCondition),
                    [.. l.Reasons.Select(r => new Ineligibility(r.Code, r.Message))],
                    l.LastReturnDay))]),
            [.. d.Lines.Select(l => new ReturnLine(Sku.From(l.Sku), l.Category, l.Quantity, M(l.UnitPrice), l.DeliveredOn, l.SupplierId, l.WarrantyUntil, l.Reason, l.StatedCondition))],
            d.ReturnShippingCost is { } cost ? M(cost) : null,
            [.. d.PhotoUrls.Select(u => new Uri(u, UriKind.Absolute))],
            d.Status,
            d.TrackingReference,
            d.Refund?.ToRefund(currency),
            [.. d.Units.Select(u =>
            {
                var id = Unit(u.Id);
                return new ReturnUnit(
                    id,
                    u.Receipt is { } r ? new UnitReceipt(id, r.Grade, r.Serial, r.Notes) : null,
                    u.ReceivedAt,
                    u.Decision is { } x ? new TriageDecision(x.Action, x.Source, x.RuleName, x.Reviewer, x.Note) : null,
                    u.DecidedAt);
            })],
            [.. d.Timeline.Select(t => new ReturnTimelineEntry(t.Status, t.At, t.Note))],
            [.. d.SupplierClaims.Select(c => new SupplierClaim(c.ClaimId, c.ReturnId, c.OrderId, c.SupplierId, Unit(c.UnitId), c.Reason, c.Grade, M(c.UnitValue), c.WarrantyUntil, c.DecidedBy, c.CreatedAt))]));
    }

    private static ReturnUnitId Unit(string value) =>
        ReturnUnitId.TryParse(value, out var id, out var error) ? id : throw new FormatException($"Stored unit id '{value}': {error}");

    private sealed record Doc(
        string Id, string OrderId, string CustomerId, string Currency, DateTimeOffset RequestedAt, DateOnly RequestedOn,
        EligibilityDoc Eligibility, List<LineDoc> Lines, decimal? ReturnShippingCost, List<string> PhotoUrls, ReturnStatus Status,
        string? TrackingReference, RefundDoc? Refund, List<UnitDoc> Units, List<TimelineDoc> Timeline, List<ClaimDoc> SupplierClaims);

    private sealed record ReasonDoc(IneligibilityCode Code, string Message);

    private sealed record EligibilityDoc(List<ReasonDoc> RequestReasons, List<VerdictDoc> Lines);

    private sealed record VerdictDoc(string Sku, int Quantity, ReturnReason Reason, ConditionGrade? StatedCondition, List<ReasonDoc> Reasons, DateOnly? LastReturnDay);

    private sealed record LineDoc(string Sku, string Category, int Quantity, decimal UnitPrice, DateOnly DeliveredOn, string SupplierId, DateOnly? WarrantyUntil, ReturnReason Reason, ConditionGrade? StatedCondition);

    private sealed record ReceiptDoc(ConditionGrade Grade, string? Serial, string? Notes);

    private sealed record DecisionDoc(TriageAction Action, DecisionSource Source, string? RuleName, string? Reviewer, string? Note);

    private sealed record UnitDoc(string Id, ReceiptDoc? Receipt, DateTimeOffset? ReceivedAt, DecisionDoc? Decision, DateTimeOffset? DecidedAt);

    private sealed record TimelineDoc(ReturnStatus Status, DateTimeOffset At, string? Note);

    private sealed record ClaimDoc(string ClaimId, string ReturnId, string OrderId, string SupplierId, string UnitId, ReturnReason Reason, ConditionGrade? Grade, decimal UnitValue, DateOnly? WarrantyUntil, string DecidedBy, DateTimeOffset CreatedAt);

    private sealed record FeeDoc(string UnitId, ConditionGrade? Grade, string? RuleName, decimal Percent, decimal Amount);

    private sealed record RefundLineDoc(string Sku, int Units, decimal UnitPrice, decimal Gross, decimal RestockingFee, decimal Net, List<FeeDoc> Fees);

    private sealed record RefundDoc(string Key, string ReturnId, string OrderId, string CustomerId, List<RefundLineDoc> Lines, decimal Goods, decimal OriginalShippingRefund, decimal ReturnLabelDeduction, decimal Total)
    {
        public static RefundDoc From(Refund r) => new(
            r.Key, r.ReturnId, r.OrderId, r.CustomerId,
            [.. r.Lines.Select(l => new RefundLineDoc(l.Sku.Value, l.Units, l.UnitPrice.Amount, l.Gross.Amount, l.RestockingFee.Amount, l.Net.Amount,
                [.. l.Fees.Select(f => new FeeDoc(f.UnitId.ToString(), f.Grade, f.RuleName, f.Percent, f.Amount.Amount))]))],
            r.Goods.Amount, r.OriginalShippingRefund.Amount, r.ReturnLabelDeduction.Amount, r.Total.Amount);

        public Refund ToRefund(string currency)
        {
            Money M(decimal amount) => new(amount, currency);
            return new Refund(
                Key, ReturnId, OrderId, CustomerId,
                [.. Lines.Select(l => new RefundLine(Sku.From(l.Sku), l.Units, M(l.UnitPrice), M(l.Gross), M(l.RestockingFee), M(l.Net),
                    [.. l.Fees.Select(f => new RestockingFeeCharge(Unit(f.UnitId), f.Grade, f.RuleName, f.Percent, M(f.Amount)))]))],
                M(Goods), M(OriginalShippingRefund), M(ReturnLabelDeduction), M(Total));
        }
    }
}
