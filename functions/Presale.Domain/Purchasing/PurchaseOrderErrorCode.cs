namespace Presale.Domain.Purchasing;

/// <summary>Why an acknowledgement was refused.</summary>
public enum PurchaseOrderErrorCode
{
    /// <summary>The acknowledgement names no line.</summary>
    NothingAcknowledged = 0,

    /// <summary>A line number is not on the purchase order.</summary>
    UnknownLine = 1,

    /// <summary>A line is named more than once.</summary>
    LineTwice = 2,

    /// <summary>More units accepted than ordered, or none.</summary>
    QuantityOutOfRange = 3,

    /// <summary>An ETA before the shop's today.</summary>
    EtaInPast = 4,

    /// <summary>More units accepted than first accepted: the supplier's word (and the line's lot) cannot grow.</summary>
    CommitmentRaised = 5,
}
