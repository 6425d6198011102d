namespace Presale.Application.Storage;

/// <summary>
/// The outcome of an entity-group transaction: all operations applied (with their new versions, in order), or none,
/// with the index and reason of the operation that failed.
/// </summary>
public sealed record TransactionResult(bool Succeeded, IReadOnlyList<ETag> ETags, int? FailedIndex, WriteStatus FailureStatus)
{
    /// <summary>Every operation applied.</summary>
    public static TransactionResult Success(IReadOnlyList<ETag> etags) => new(true, etags, null, WriteStatus.Ok);

    /// <summary>Nothing applied because operation <paramref name="index"/> failed.</summary>
    public static TransactionResult Failure(int index, WriteStatus status) => new(false, [], index, status);
}
