namespace Presale.Domain.Returns;

/// <summary>Where a return stands in its lifecycle (see docs/returns.md for the diagram).</summary>
public enum ReturnStatus
{
    /// <summary>Submitted with its eligibility verdict; not yet approved or rejected.</summary>
    Requested = 0,

    /// <summary>Approved: the customer may ship the units that are not kept.</summary>
    Approved = 1,

    /// <summary>Rejected at intake (terminal).</summary>
    Rejected = 2,

    /// <summary>Withdrawn before any unit shipped (terminal).</summary>
    Cancelled = 3,

    /// <summary>The parcel is on its way back.</summary>
    InTransit = 4,

    /// <summary>Some, not all, expected units have been received.</summary>
    PartiallyReceived = 5,

    /// <summary>Every expected unit has been received; some unit still awaits its decision.</summary>
    Received = 6,

    /// <summary>Every unit has a final disposition; the refund is due.</summary>
    Triaged = 7,

    /// <summary>The refund was recorded (terminal).</summary>
    Refunded = 8,

    /// <summary>Closed without a refund record (terminal).</summary>
    Closed = 9,
}
