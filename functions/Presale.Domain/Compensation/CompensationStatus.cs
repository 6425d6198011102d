namespace Presale.Domain.Compensation;

/// <summary>Where an order stands with respect to delay compensation.</summary>
public enum CompensationStatus
{
    /// <summary>The promised date has not passed yet.</summary>
    NotLate = 0,

    /// <summary>The order became ready to ship on or before its promised date: it was never late.</summary>
    ReadyOnTime = 1,

    /// <summary>The order is (or was) late; see the awards and the next due date.</summary>
    Late = 2,

    /// <summary>The order was cancelled: never compensated.</summary>
    Cancelled = 3,
}
