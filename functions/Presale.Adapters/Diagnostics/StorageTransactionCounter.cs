namespace Presale.Adapters.Diagnostics;

/// <summary>
/// Counts storage transactions — the unit Azure Storage bills — by kind. Fed by a
/// <see cref="StorageTransactionCountingPolicy"/> on the SDK clients (every HTTP attempt, retries included: what Azure
/// bills) or, for the in-memory twin, which sends no requests, by a <see cref="CountingTableStore"/> (one per call
/// through the storage port, as Table Storage bills a call that is not retried). Read the counts before and after the
/// operation being measured. Thread-safe.
/// </summary>
public sealed class StorageTransactionCounter
{
    private readonly long[] _counts = new long[Enum.GetValues<StorageTransactionKind>().Length];

    /// <summary>Transactions counted so far, of every kind.</summary>
    public long Count => _counts.Select((_, i) => Interlocked.Read(ref _counts[i])).Sum();

    /// <summary>Point reads counted so far.</summary>
    public long Reads => Of(StorageTransactionKind.Read);

    /// <summary>Query pages counted so far.</summary>
    public long Queries => Of(StorageTransactionKind.Query);

    /// <summary>Single-entity writes counted so far.</summary>
    public long Writes => Of(StorageTransactionKind.Write);

    /// <summary>Entity-group transactions counted so far.</summary>
    public long Batches => Of(StorageTransactionKind.Batch);

    /// <summary>Transactions of <paramref name="kind"/> counted so far.</summary>
    public long Of(StorageTransactionKind kind) => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>Counts one transaction of <paramref name="kind"/>.</summary>
    public void Increment(StorageTransactionKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    /// <summary>Starts again from zero; returns the total before the reset.</summary>
    public long Reset() => _counts.Select((_, i) => Interlocked.Exchange(ref _counts[i], 0)).Sum();
}
