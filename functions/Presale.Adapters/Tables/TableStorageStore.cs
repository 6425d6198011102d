using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Presale.Adapters.Storage;
using Presale.Application.Storage;
using ETag = Presale.Application.Storage.ETag;
using SdkEntity = Azure.Data.Tables.TableEntity;
using TableEntity = Presale.Application.Storage.TableEntity;

namespace Presale.Adapters.Tables;

/// <summary>
/// <see cref="ITableStore"/> over Azure.Data.Tables (Azure Table Storage and Azurite): a thin mapping onto
/// <see cref="TableClient"/>, whose pipeline retries, authenticates (connection string or Entra ID), logs and traces.
/// Expected conflicts come back as <see cref="WriteStatus"/> values (404 → NotFound, 409 → AlreadyExists,
/// 412 → PreconditionFailed); a missing table, a refused request or a transport fault throws. Table Storage's limits
/// and the port's ETag rules are checked before any request (<see cref="TableOperationRules"/>, shared with the twin).
/// </summary>
public sealed class TableStorageStore : ITableStore, IReachabilityProbe
{
    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);

    /// <summary>Creates the adapter for one storage account.</summary>
    public TableStorageStore(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        Endpoint = account.TableEndpoint;
        _service = account.CreateTableServiceClient(options ?? new StorageClientOptions());
    }

    /// <summary>The Table service endpoint requests go to.</summary>
    public Uri Endpoint { get; }

    /// <inheritdoc />
    public async Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default) =>
        await Table(table).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        var client = Table(table);
        TableKey.EnsureValid(partitionKey, nameof(partitionKey));
        TableKey.EnsureValid(rowKey, nameof(rowKey));
        var response = await client.GetEntityIfExistsAsync<SdkEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.HasValue)
        {
            return TableEntityMapping.FromSdk(response.Value!);
        }

        ThrowIfTableMissing(response.GetRawResponse(), table);
        return null;
    }

    /// <inheritdoc />
    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(table, TableOperation.Insert(entity), cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync(table, TableOperation.Replace(entity, ifMatch), cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync(table, TableOperation.Merge(entity, ifMatch), cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        WriteAsync(table, merge ? TableOperation.UpsertMerge(entity) : TableOperation.UpsertReplace(entity), cancellationToken);

    /// <inheritdoc />
    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync(table, TableOperation.Delete(partitionKey, rowKey, ifMatch), cancellationToken);

    /// <inheritdoc />
    public async Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var client = Table(table);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var pages = client.QueryAsync<SdkEntity>(ODataFilter.Render(filter), pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize);
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                var items = new List<TableEntity>(page.Values.Count);
                foreach (var entity in page.Values)
                {
                    items.Add(TableEntityMapping.FromSdk(entity));
                }

                // The service may answer an empty page that still carries a continuation: the query is not over.
                return new TablePage(items, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == TableErrorCode.TableNotFound)
        {
            throw MissingTable(table, e);
        }

        return new TablePage([], null);
    }

    /// <inheritdoc />
    public async Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        var client = Table(table);
        TableOperationRules.ValidateTransaction(operations);
        var actions = operations.Select(o => o.Kind switch
        {
            TableOperationKind.Insert => new TableTransactionAction(TableTransactionActionType.Add, TableEntityMapping.ToSdk(o.Entity)),
            TableOperationKind.Replace => new TableTransactionAction(TableTransactionActionType.UpdateReplace, TableEntityMapping.ToSdk(o.Entity), TableEntityMapping.ToSdk(o.IfMatch)),
            TableOperationKind.Merge => new TableTransactionAction(TableTransactionActionType.UpdateMerge, TableEntityMapping.ToSdk(o.Entity), TableEntityMapping.ToSdk(o.IfMatch)),
            TableOperationKind.UpsertReplace => new TableTransactionAction(TableTransactionActionType.UpsertReplace, TableEntityMapping.ToSdk(o.Entity)),
            TableOperationKind.UpsertMerge => new TableTransactionAction(TableTransactionActionType.UpsertMerge, TableEntityMapping.ToSdk(o.Entity)),
            TableOperationKind.Delete => new TableTransactionAction(TableTransactionActionType.Delete, TableEntityMapping.ToSdk(o.Entity), TableEntityMapping.ToSdk(o.IfMatch)),
            _ => throw new ArgumentOutOfRangeException(nameof(operations), o.Kind, "Unknown operation kind."),
        }).ToList();

        Response<IReadOnlyList<Response>> response;
        try
        {
            response = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return TransactionFailure(table, operations, e);
        }

        if (response.Value.Count != operations.Count)
        {
            throw new FormatException($"The transaction response holds {response.Value.Count} results for {operations.Count} operations.");
        }

        return TransactionResult.Success([.. response.Value.Select(r => r.Headers.ETag is { } etag ? TableEntityMapping.ToPort(etag) : default)]);
    }

    /// <inheritdoc />
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var page in _service.QueryAsync(filter: (string?)null, maxPerPage: 1, cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            _ = page;
            return;
        }
    }

    private async Task<WriteResult> WriteAsync(string table, TableOperation operation, CancellationToken cancellationToken)
    {
        var client = Table(table);
        TableOperationRules.ValidateOperation(operation);
        var entity = operation.Entity;
        Response response;
        try
        {
            response = operation.Kind switch
            {
                TableOperationKind.Insert => await client.AddEntityAsync(TableEntityMapping.ToSdk(entity), cancellationToken).ConfigureAwait(false),
                TableOperationKind.Replace => await client.UpdateEntityAsync(TableEntityMapping.ToSdk(entity), TableEntityMapping.ToSdk(operation.IfMatch), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false),
                TableOperationKind.Merge => await client.UpdateEntityAsync(TableEntityMapping.ToSdk(entity), TableEntityMapping.ToSdk(operation.IfMatch), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false),
                TableOperationKind.UpsertReplace => await client.UpsertEntityAsync(TableEntityMapping.ToSdk(entity), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false),
                TableOperationKind.UpsertMerge => await client.UpsertEntityAsync(TableEntityMapping.ToSdk(entity), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false),
                TableOperationKind.Delete => await client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, TableEntityMapping.ToSdk(operation.IfMatch), cancellationToken).ConfigureAwait(false),
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown operation kind."),
            };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            if (Refusal(e, table, operation.Kind == TableOperationKind.Insert) is { } status)
            {
                return WriteResult.Failed(status);
            }

            throw;
        }

        if (response.Status == 404)
        {
            // DeleteEntity answers a missing row with its 404 response instead of throwing.
            ThrowIfTableMissing(response, table);
            return WriteResult.Failed(WriteStatus.NotFound);
        }

        return WriteResult.Ok(response.Headers.ETag is { } etag ? TableEntityMapping.ToPort(etag) : default);
    }

    /// <summary>
    /// The failing operation's index and status. The SDK reads the index from the service's <c>n:message</c> error; when
    /// the answer names none, only a one-operation transaction can still say which operation failed.
    /// </summary>
    private static TransactionResult TransactionFailure(string table, IReadOnlyList<TableOperation> operations, TableTransactionFailedException e)
    {
        var index = e.FailedTransactionActionIndex ?? (operations.Count == 1 ? 0 : throw new FormatException(
            $"The transaction failed with status {e.Status} {e.ErrorCode} but the answer does not say which operation failed: {e.Message}", e));
        if (index < 0 || index >= operations.Count)
        {
            throw new FormatException($"The transaction answer names operation {index} of {operations.Count}.", e);
        }

        return Refusal(e, table, operations[index].Kind == TableOperationKind.Insert) is { } status
            ? TransactionResult.Failure(index, status)
            : throw new RequestFailedException(e.Status, $"Operation {index} of the transaction failed with {e.Status} {e.ErrorCode}: {e.Message}", e.ErrorCode, e);
    }

    /// <summary>
    /// The expected refusal an answer means (404 → NotFound, 409 on an insert → AlreadyExists, 412 → PreconditionFailed),
    /// or null when it is not one; a missing table throws, naming it.
    /// </summary>
    private static WriteStatus? Refusal(RequestFailedException e, string table, bool insert) => e.Status switch
    {
        404 when e.ErrorCode == TableErrorCode.TableNotFound => throw MissingTable(table, e),
        404 => WriteStatus.NotFound,
        409 when insert && (e.ErrorCode is null || e.ErrorCode == TableErrorCode.EntityAlreadyExists) => WriteStatus.AlreadyExists,
        412 => WriteStatus.PreconditionFailed,
        _ => null,
    };

    private TableClient Table(string table)
    {
        TableOperationRules.ValidateTableName(table);
        return _tables.GetOrAdd(table, _service.GetTableClient);
    }

    private static void ThrowIfTableMissing(Response response, string table)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var code) && code == TableErrorCode.TableNotFound)
        {
            throw MissingTable(table, null);
        }
    }

    private static InvalidOperationException MissingTable(string table, Exception? inner) =>
        new($"Table '{table}' does not exist: create it first.", inner);
}
