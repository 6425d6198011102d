using Microsoft.Extensions.Time.Testing;
using Presale.Application.Storage;

namespace Presale.Application.Tests.Compensation;

/// <summary>Passes every call through and moves the manual clock on by <c>perCall</c> first: a store whose every round trip takes time.</summary>
internal sealed class ClockAdvancingTableStore(ITableStore inner, FakeTimeProvider time, TimeSpan perCall) : ITableStore
{
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) => inner.CreateTableIfNotExistsAsync(table, cancellationToken);

    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default) =>
        Tick(() => inner.GetAsync(table, partitionKey, rowKey, cancellationToken));

    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        Tick(() => inner.InsertAsync(table, entity, cancellationToken));

    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Tick(() => inner.ReplaceAsync(table, entity, ifMatch, cancellationToken));

    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Tick(() => inner.MergeAsync(table, entity, ifMatch, cancellationToken));

    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        Tick(() => inner.UpsertAsync(table, entity, merge, cancellationToken));

    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Tick(() => inner.DeleteAsync(table, partitionKey, rowKey, ifMatch, cancellationToken));

    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        Tick(() => inner.QueryAsync(table, filter, pageSize, continuationToken, cancellationToken));

    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default) =>
        Tick(() => inner.SubmitTransactionAsync(table, operations, cancellationToken));

    private Task<T> Tick<T>(Func<Task<T>> call)
    {
        time.Advance(perCall);
        return call();
    }
}
