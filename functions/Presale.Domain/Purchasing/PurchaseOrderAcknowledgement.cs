namespace Presale.Domain.Purchasing;

/// <summary>
/// A supplier's answer to some or all lines of a purchase order (lines not named keep their answer). The event id and
/// supplier timestamp identify it for de-duplication and ordering.
/// </summary>
/// <param name="EventId">The supplier's event id.</param>
/// <param name="SupplierTimestamp">When the supplier issued it.</param>
/// <param name="Accepted">Lines accepted (with quantity and ETA).</param>
/// <param name="Rejected">Lines rejected.</param>
public sealed record PurchaseOrderAcknowledgement(string EventId, DateTimeOffset SupplierTimestamp, IReadOnlyList<AcceptedLine> Accepted, IReadOnlyList<RejectedLine> Rejected);
