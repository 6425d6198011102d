using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>A return as the API shows it: lifecycle status and timeline, eligibility, lines, units, refund, claims.</summary>
/// <param name="ReturnId">The return's id.</param>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="AwaitingReview">True while a unit waits in the manual review queue.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="TrackingReference">The carrier's reference, once in transit.</param>
/// <param name="Eligibility">The explained eligibility.</param>
/// <param name="Lines">The lines being returned.</param>
/// <param name="Units">Every unit.</param>
/// <param name="PhotoUrls">Photos attached.</param>
/// <param name="Timeline">Status changes, oldest first.</param>
/// <param name="Refund">The refund, once recorded.</param>
/// <param name="SupplierClaims">Claims raised.</param>
public sealed record ReturnView(
    string ReturnId,
    string OrderId,
    string CustomerId,
    ReturnStatus Status,
    bool AwaitingReview,
    string Currency,
    DateTimeOffset RequestedAt,
    string? TrackingReference,
    EligibilityView Eligibility,
    IReadOnlyList<ReturnLineView> Lines,
    IReadOnlyList<ReturnUnitView> Units,
    IReadOnlyList<string> PhotoUrls,
    IReadOnlyList<ReturnTimelineView> Timeline,
    RefundView? Refund,
    IReadOnlyList<SupplierClaimView> SupplierClaims)
{
    /// <summary>The view of <paramref name="request"/>.</summary>
    public static ReturnView From(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ReturnView(
            request.Id,
            request.OrderId,
            request.CustomerId,
            request.Status,
            request.IsAwaitingReview,
            request.Currency,
            request.RequestedAt,
            request.TrackingReference,
            EligibilityView.From(request.Eligibility),
            [.. request.Lines.Select(l => new ReturnLineView(l.Sku.Value, l.Category, l.Quantity, l.UnitPrice.Amount, l.DeliveredOn, l.Reason, l.StatedCondition, [.. l.UnitIds.Select(u => u.ToString())]))],
            [.. request.Units.Select(u => new ReturnUnitView(u.Id.ToString(), u.Grade, u.Receipt?.Serial, u.Receipt?.Notes, u.ReceivedAt, u.Decision?.Action, u.Decision?.Basis, u.Decision?.RuleName, u.DecidedAt))],
            [.. request.PhotoUrls.Select(p => p.ToString())],
            [.. request.Timeline.Select(t => new ReturnTimelineView(t.Status, t.At, t.Note))],
            request.Refund is { } r
                ? new RefundView(r.Key, r.Total.Currency, r.Goods.Amount, r.OriginalShippingRefund.Amount, r.ReturnLabelDeduction.Amount, r.Total.Amount,
                    [.. r.Lines.Select(l => new RefundLineView(l.Sku.Value, l.Units, l.Gross.Amount, l.RestockingFee.Amount, l.Net.Amount))])
                : null,
            [.. request.SupplierClaims.Select(c => new SupplierClaimView(c.ClaimId, c.SupplierId, c.UnitId.ToString(), c.DecidedBy))]);
    }
}
