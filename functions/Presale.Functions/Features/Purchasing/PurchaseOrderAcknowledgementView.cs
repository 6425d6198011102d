using Presale.Application.Purchasing;
using Presale.Application.Suppliers;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// The answer to a signed acknowledgement: what every supplier webhook answers (the event id, its outcome and, for a
/// stale event, the newer timestamp already applied) and the purchase order as it stands now.
/// </summary>
/// <param name="EventId">The supplier's event id.</param>
/// <param name="Outcome"><c>applied</c>, <c>duplicate</c> (the event id was seen) or <c>stale</c> (older than the order's last applied acknowledgement).</param>
/// <param name="LastAppliedSupplierTimestamp">For a stale event: the supplier timestamp of the acknowledgement applied last.</param>
/// <param name="PurchaseOrder">The order after it (unchanged for a duplicate or stale event).</param>
public sealed record PurchaseOrderAcknowledgementView(string EventId, SupplierEventOutcome Outcome, DateTimeOffset? LastAppliedSupplierTimestamp, PurchaseOrderView PurchaseOrder)
{
    /// <summary>The view of an acknowledgement's result.</summary>
    public static PurchaseOrderAcknowledgementView From(AcknowledgementResult.Acknowledged done)
    {
        ArgumentNullException.ThrowIfNull(done);
        return new(done.Acknowledgement.EventId, done.Acknowledgement.Outcome, done.Acknowledgement.LastAppliedSupplierTimestamp, done.Order);
    }
}
