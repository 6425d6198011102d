namespace Presale.Adapters.Diagnostics;

/// <summary>
/// Counts storage transactions — the unit Azure Storage bills. Share one counter between a
/// <see cref="StorageTransactionCountingPolicy"/> (every HTTP attempt the REST adapters send, retries included) or a
/// <see cref="CountingTableStore"/> (every call through the storage port, for the in-memory twin), then read
/// <see cref="Count"/> before and after the operation being measured. Thread-safe.
/// </summary>
public sealed class StorageTransactionCounter
{
    private long _count;

    /// <summary>Transactions counted so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Counts one transaction.</summary>
    public void Increment() => Interlocked.Increment(ref _count);

    /// <summary>Starts again from zero; returns the count before the reset.</summary>
    public long Reset() => Interlocked.Exchange(ref _count, 0);
}
