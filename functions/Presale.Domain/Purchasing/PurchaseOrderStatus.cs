namespace Presale.Domain.Purchasing;

/// <summary>Where a purchase order stands with its supplier (derived from its lines' answers).</summary>
public enum PurchaseOrderStatus
{
    /// <summary>Sent; no line answered yet.</summary>
    AwaitingAcknowledgement = 0,

    /// <summary>Some lines answered, others not yet.</summary>
    PartiallyAcknowledged = 1,

    /// <summary>Every line answered, at least one accepted.</summary>
    Acknowledged = 2,

    /// <summary>Every line rejected.</summary>
    Rejected = 3,
}
