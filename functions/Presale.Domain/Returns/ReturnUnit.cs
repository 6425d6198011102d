using Presale.Domain.Returns.Triage;

namespace Presale.Domain.Returns;

/// <summary>The state of one returned unit: its receipt and its decision, each recorded once.</summary>
/// <param name="Id">The unit.</param>
/// <param name="Receipt">The inspection receipt, once received.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Decision">The latest decision: a final disposition, or manual review pending a reviewer.</param>
/// <param name="DecidedAt">When <paramref name="Decision"/> was made.</param>
public sealed record ReturnUnit(
    ReturnUnitId Id,
    UnitReceipt? Receipt = null,
    DateTimeOffset? ReceivedAt = null,
    TriageDecision? Decision = null,
    DateTimeOffset? DecidedAt = null)
{
    /// <summary>True once the unit has been received.</summary>
    public bool IsReceived => Receipt is not null;

    /// <summary>True once the unit has a final disposition.</summary>
    public bool IsDecided => Decision is { IsFinal: true };

    /// <summary>True while the unit waits in the manual review queue.</summary>
    public bool IsAwaitingReview => Decision is { Action: TriageAction.ManualReview };

    /// <summary>True when the customer keeps the unit (refund without return): it is not expected back.</summary>
    public bool IsKept => Decision is { Action: TriageAction.KeepIt };

    /// <summary>True when a reviewer refused the unit: nothing is refunded for it.</summary>
    public bool IsRejected => Decision is { Action: TriageAction.Reject };

    /// <summary>True when the unit was received and nothing has been decided yet: the triage timer's work.</summary>
    public bool IsAwaitingTriage => IsReceived && Decision is null;

    /// <summary>The inspected grade, once received.</summary>
    public ConditionGrade? Grade => Receipt?.Grade;
}
