namespace Presale.Domain.Purchasing;

/// <summary>The supplier's latest answer to a line.</summary>
/// <param name="Answer">Accepted or rejected.</param>
/// <param name="AcceptedQuantity">Units it will deliver in all (0 when rejected).</param>
/// <param name="Eta">When (shop-local date); null when rejected.</param>
/// <param name="Reason">Why it rejected; null otherwise.</param>
/// <param name="EventId">The acknowledgement event that gave this answer.</param>
/// <param name="SupplierTimestamp">That event's supplier timestamp.</param>
/// <param name="At">When it was recorded.</param>
public sealed record LineAcknowledgement(LineAnswer Answer, int AcceptedQuantity, DateOnly? Eta, string? Reason, string EventId, DateTimeOffset SupplierTimestamp, DateTimeOffset At);
