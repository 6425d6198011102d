namespace Presale.Domain.Purchasing;

/// <summary>The date a purchase-order line's on-time window is measured against.</summary>
public enum OnTimeReference
{
    /// <summary>The delivery date the shop requested on the purchase order (what its customers' dates need).</summary>
    RequestedDate = 0,

    /// <summary>The ETA the supplier gave when it first accepted the line (its word; later ETA changes do not move it).</summary>
    FirstAcknowledgedDate = 1,
}
