namespace Presale.Application.Storage;

/// <summary>
/// The storage port: what Presale's use cases need from a table store (Azure Table Storage in production, the
/// in-memory twin in unit tests). Expected conflicts (not found, already exists, ETag mismatch) are returned as
/// <see cref="WriteStatus"/> values; exceptions mean infrastructure faults or invalid input (for example a key with a
/// character Table Storage forbids).
/// </summary>
public interface ITableStore
{
    /// <summary>Creates the table if it does not exist yet.</summary>
    Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default);

    /// <summary>Point read; null when the row does not exist.</summary>
    Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new row; <see cref="WriteStatus.AlreadyExists"/> if one exists.</summary>
    Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default);

    /// <summary>Replaces a row if its version matches <paramref name="ifMatch"/> (<see cref="ETag.Any"/>: any existing row).</summary>
    Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Merges properties into a row if its version matches <paramref name="ifMatch"/> (<see cref="ETag.Any"/>: any existing row).</summary>
    Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces (or merges, when <paramref name="merge"/> is true) without a condition.</summary>
    Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes a row if its version matches <paramref name="ifMatch"/> (<see cref="ETag.Any"/>: any existing row).</summary>
    Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the rows matching <paramref name="filter"/>, in (PartitionKey, RowKey) order, at most
    /// <paramref name="pageSize"/> rows (≤ 1,000). Pass the previous page's continuation token to go on.
    /// Filters that do not pin one partition scan: keep them off hot paths.
    /// </summary>
    Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies up to 100 operations on distinct rows of one partition atomically: all or none.
    /// </summary>
    Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default);
}
