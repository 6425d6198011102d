namespace Presale.Adapters.Diagnostics;

/// <summary>What a counted storage transaction was.</summary>
public enum StorageTransactionKind
{
    /// <summary>A point read of one entity.</summary>
    Read,

    /// <summary>One page of a table query.</summary>
    Query,

    /// <summary>One insert, replace, merge, upsert or delete of a single entity.</summary>
    Write,

    /// <summary>One entity-group transaction (<c>$batch</c>), whatever its number of operations.</summary>
    Batch,

    /// <summary>Anything else: table creation and listing, and every queue request.</summary>
    Other,
}
