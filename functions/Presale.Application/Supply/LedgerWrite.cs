namespace Presale.Application.Supply;

/// <summary>The outcome of writing a ledger change (ledger, every shard, and any rows that go with it) in one transaction.</summary>
public abstract record LedgerWrite
{
    private LedgerWrite()
    {
    }

    /// <summary>Applied.</summary>
    public static LedgerWrite Committed { get; } = new CommittedWrite();

    /// <summary>Something changed since the state was read: read again and retry.</summary>
    public static LedgerWrite Conflict { get; } = new ConflictWrite();

    /// <summary>Applied.</summary>
    public sealed record CommittedWrite : LedgerWrite;

    /// <summary>A concurrent change won: read again and retry.</summary>
    public sealed record ConflictWrite : LedgerWrite;

    /// <summary>A row passed along with the change already exists (the change was applied before): nothing was written.</summary>
    /// <param name="Index">The index of that row among the extra operations.</param>
    public sealed record DuplicateWrite(int Index) : LedgerWrite;

    /// <summary>The new supply of <paramref name="Key"/> would be below the units reserved against it: nothing was written.</summary>
    public sealed record BelowReservedWrite(string Key, long Reserved, int Target) : LedgerWrite;
}
