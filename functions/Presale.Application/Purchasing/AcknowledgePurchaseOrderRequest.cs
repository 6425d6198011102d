namespace Presale.Application.Purchasing;

/// <summary>
/// Body of the signed <c>POST /api/suppliers/{supplierId}/purchase-orders/{purchaseOrderId}/acknowledgements</c>:
/// the supplier's answer to some or all lines. Signature, replay window, de-duplication by event id and stale events
/// follow the ETA webhook's rules.
/// </summary>
/// <param name="EventId">The supplier's id of this event (unique per supplier; at most 96 characters).</param>
/// <param name="SupplierTimestamp">When the supplier issued it; an acknowledgement older than the last applied one of the order is stale.</param>
/// <param name="Accepted">Lines accepted, with quantity and ETA.</param>
/// <param name="Rejected">Lines rejected.</param>
public sealed record AcknowledgePurchaseOrderRequest(string? EventId, DateTimeOffset? SupplierTimestamp, IReadOnlyList<AcceptedLineRequest>? Accepted, IReadOnlyList<RejectedLineRequest>? Rejected);
