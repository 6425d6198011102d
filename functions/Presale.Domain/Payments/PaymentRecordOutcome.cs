namespace Presale.Domain.Payments;

/// <summary>What recording a payment outcome did.</summary>
public enum PaymentRecordOutcome
{
    /// <summary>The outcome was new and is recorded.</summary>
    Recorded,

    /// <summary>The same outcome was recorded before: nothing changed.</summary>
    Replayed,

    /// <summary>The payment id was recorded with a different outcome: refused, nothing changed.</summary>
    Conflict,

    /// <summary>The outcome does not fit the schedule (unknown instalment, wrong currency, more than is owed): refused.</summary>
    Invalid,
}
