using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>
/// What the ledger decided about an event. When <see cref="ShouldApply"/>, submit <see cref="Operations"/> in the same
/// entity-group transaction as the event's effect (same table, same partition): both happen or neither does. If that
/// transaction fails on one of these operations, another delivery of the event (or a newer event of the lot) won the
/// race: decide again, which then answers duplicate or stale.
/// </summary>
/// <param name="Outcome">Applied (apply it now), duplicate or stale.</param>
/// <param name="Operations">The ledger rows to write with the effect; empty unless applied.</param>
/// <param name="LastAppliedSupplierTimestamp">The lot's watermark before this event; null when none was applied.</param>
/// <param name="OriginallyRecordedAt">For a duplicate, when the event was first recorded.</param>
public sealed record SupplierEventDecision(
    SupplierEventOutcome Outcome,
    IReadOnlyList<TableOperation> Operations,
    DateTimeOffset? LastAppliedSupplierTimestamp,
    DateTimeOffset? OriginallyRecordedAt)
{
    /// <summary>True when the event is new and its effect should be applied with <see cref="Operations"/>.</summary>
    public bool ShouldApply => Outcome == SupplierEventOutcome.Applied;

    /// <summary>True when <paramref name="result"/> failed on one of this decision's operations, placed at <paramref name="offset"/> in the transaction.</summary>
    public bool LostRace(TransactionResult result, int offset)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Succeeded && result.FailedIndex is { } i && i >= offset && i < offset + Operations.Count
            && result.FailureStatus is WriteStatus.AlreadyExists or WriteStatus.PreconditionFailed or WriteStatus.NotFound;
    }
}
