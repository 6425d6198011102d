using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using ETag = Presale.Application.Storage.ETag;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>
/// The hand-written Table adapter the product used before Azure.Data.Tables, kept here unchanged in substance only to
/// measure, in the same run, what the SDK adapter costs per point read, insert and 100-operation batch. Not product code.
/// <see cref="ITableStore"/> over the Azure Table service REST API (Azure Storage and Azurite), on Azure.Core's HTTP
/// pipeline: retries with exponential back-off and jitter honouring <c>Retry-After</c>, logging, tracing, cancellation.
/// Expected conflicts come back as <see cref="WriteStatus"/> values (404 → NotFound, 409 → AlreadyExists,
/// 412 → PreconditionFailed); a missing table, a refused request or a transport fault throws.
/// Replace, merge and delete send <c>If-Match</c>; upserts send none.
/// </summary>
public sealed class HandWrittenTableStore : ITableStore
{
    /// <summary>The Table service REST version this adapter speaks.</summary>
    public const string ServiceVersion = "2019-02-02";

    private const string FullMetadata = "application/json;odata=fullmetadata";
    private const string MinimalMetadata = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod MergeMethod = new("MERGE");

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates the adapter for one storage account reached with its shared key.</summary>
    public HandWrittenTableStore(Uri tableEndpoint, string accountName, byte[] key, ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        _endpoint = new Uri(tableEndpoint.AbsoluteUri.TrimEnd('/'));
        _pipeline = HttpPipelineBuilder.Build(options, [], [new StorageDatePolicy(TimeProvider.System, ServiceVersion), new SharedKeyLitePolicy(accountName, key)], new ResponseClassifier());
    }

    /// <summary>The Table service endpoint requests go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <inheritdoc />
    public async Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = table });
        using var response = await SendAsync(RequestMethod.Post, "/Tables", body, null, MinimalMetadata, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 || (response.Status == 409 && TableErrors.Code(response) is "TableAlreadyExists" or null))
        {
            return;
        }

        throw new RequestFailedException(response);
    }

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        TableKey.EnsureValid(partitionKey, nameof(partitionKey));
        TableKey.EnsureValid(rowKey, nameof(rowKey));
        using var response = await SendAsync(RequestMethod.Get, "/" + table + KeyPath(partitionKey, rowKey), null, null, FullMetadata, cancellationToken).ConfigureAwait(false);
        switch (response.Status)
        {
            case 200:
                using (var document = JsonDocument.Parse(response.Content.ToMemory()))
                {
                    var entity = TableJson.ReadEntity(document.RootElement);
                    return entity.ETag.IsEmpty && response.Headers.ETag is { } etag ? entity.WithETag(new ETag(etag.ToString("H"))) : entity;
                }

            case 404:
                ThrowIfTableMissing(response, table);
                return null;
            default:
                throw new RequestFailedException(response);
        }
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
        TableOperationRules.ValidateTableName(table);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var query = new StringBuilder("/").Append(table).Append("()?$filter=").Append(Uri.EscapeDataString(HandWrittenODataFilter.Render(filter)))
            .Append("&$top=").Append(pageSize.ToString(CultureInfo.InvariantCulture));
        if (continuationToken is not null)
        {
            var (nextPartition, nextRow) = DecodeToken(continuationToken);
            query.Append("&NextPartitionKey=").Append(Uri.EscapeDataString(nextPartition));
            if (nextRow is not null)
            {
                query.Append("&NextRowKey=").Append(Uri.EscapeDataString(nextRow));
            }
        }

        using var response = await SendAsync(RequestMethod.Get, query.ToString(), null, null, FullMetadata, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            ThrowIfTableMissing(response, table);
        }

        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        var items = new List<TableEntity>();
        using (var document = JsonDocument.Parse(response.Content.ToMemory()))
        {
            foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
            {
                items.Add(TableJson.ReadEntity(element));
            }
        }

        string? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partition) && !string.IsNullOrEmpty(partition))
        {
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var row);
            next = EncodeToken(partition, string.IsNullOrEmpty(row) ? null : row);
        }

        return new TablePage(items, next);
    }

    /// <inheritdoc />
    public async Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        TableOperationRules.ValidateTransaction(operations);
        var (body, contentType) = TableBatch.Build(_endpoint, table, operations);
        using var response = await SendAsync(RequestMethod.Post, "/$batch", body, null, MinimalMetadata, cancellationToken, contentType).ConfigureAwait(false);
        if (response.Status == 404)
        {
            ThrowIfTableMissing(response, table);
        }

        if (response.Status != 202)
        {
            throw new RequestFailedException(response);
        }

        var inner = TableBatch.Parse(response.Content.ToString());
        var failed = inner.FirstOrDefault(r => r.Status >= 300);
        if (failed is not null)
        {
            var index = TableBatch.FailedIndex(failed) ?? (operations.Count == 1 ? 0 : throw new FormatException(
                $"The transaction failed with status {failed.Status} but the response does not say which operation failed: {failed.Body}"));
            if (index < 0 || index >= operations.Count)
            {
                throw new FormatException($"The transaction response names operation {index} of {operations.Count}.");
            }

            var code = TableErrors.Code(failed.Body);
            return failed.Status switch
            {
                404 when code == "TableNotFound" => throw MissingTable(table),
                404 => TransactionResult.Failure(index, WriteStatus.NotFound),
                409 when code is "EntityAlreadyExists" or null => TransactionResult.Failure(index, WriteStatus.AlreadyExists),
                412 => TransactionResult.Failure(index, WriteStatus.PreconditionFailed),
                _ => throw new RequestFailedException(failed.Status, $"Operation {index} of the transaction failed with {failed.Status} {code}: {TableErrors.Message(failed.Body)}", code, null),
            };
        }

        if (inner.Count != operations.Count)
        {
            throw new FormatException($"The transaction response holds {inner.Count} results for {operations.Count} operations.");
        }

        return TransactionResult.Success([.. inner.Select(r => r.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default)]);
    }

    /// <summary><c>(PartitionKey='p',RowKey='r')</c> with single quotes doubled, then percent-encoded.</summary>
    internal static string KeyPath(string partitionKey, string rowKey) =>
        "(PartitionKey='" + EscapeKey(partitionKey) + "',RowKey='" + EscapeKey(rowKey) + "')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private async Task<WriteResult> WriteAsync(string table, TableOperation operation, CancellationToken cancellationToken)
    {
        TableOperationRules.ValidateTableName(table);
        TableOperationRules.ValidateOperation(operation);
        var entityPath = "/" + table + KeyPath(operation.Entity.PartitionKey, operation.Entity.RowKey);
        var (method, path, ifMatch, body) = operation.Kind switch
        {
            TableOperationKind.Insert => (RequestMethod.Post, "/" + table, (string?)null, TableJson.Serialize(operation.Entity)),
            TableOperationKind.Replace => (RequestMethod.Put, entityPath, operation.IfMatch.Value, TableJson.Serialize(operation.Entity)),
            TableOperationKind.Merge => (MergeMethod, entityPath, operation.IfMatch.Value, TableJson.Serialize(operation.Entity)),
            TableOperationKind.UpsertReplace => (RequestMethod.Put, entityPath, null, TableJson.Serialize(operation.Entity)),
            TableOperationKind.UpsertMerge => (MergeMethod, entityPath, null, TableJson.Serialize(operation.Entity)),
            TableOperationKind.Delete => (RequestMethod.Delete, entityPath, operation.IfMatch.Value, (byte[]?)null),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown operation kind."),
        };
        using var response = await SendAsync(method, path, body, ifMatch, MinimalMetadata, cancellationToken).ConfigureAwait(false);
        switch (response.Status)
        {
            case 200 or 201 or 204:
                return WriteResult.Ok(response.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : default);
            case 404:
                ThrowIfTableMissing(response, table);
                return WriteResult.Failed(WriteStatus.NotFound);
            case 409 when operation.Kind == TableOperationKind.Insert && TableErrors.Code(response) is "EntityAlreadyExists" or null:
                return WriteResult.Failed(WriteStatus.AlreadyExists);
            case 412:
                return WriteResult.Failed(WriteStatus.PreconditionFailed);
            default:
                throw new RequestFailedException(response);
        }
    }

    private async Task<Response> SendAsync(
        RequestMethod method,
        string pathAndQuery,
        byte[]? body,
        string? ifMatch,
        string accept,
        CancellationToken cancellationToken,
        string contentType = "application/json")
    {
        using var request = _pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + pathAndQuery));
        request.Headers.SetValue("Accept", accept);
        request.Headers.SetValue("DataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        if (method != RequestMethod.Get)
        {
            request.Headers.SetValue("Prefer", "return-no-content");
        }

        if (ifMatch is not null)
        {
            request.Headers.SetValue("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", contentType);
            request.Content = RequestContent.Create(body);
        }
        else if (method != RequestMethod.Get)
        {
            request.Content = RequestContent.Create([]);
        }

        return await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void ThrowIfTableMissing(Response response, string table)
    {
        if (TableErrors.Code(response) == "TableNotFound")
        {
            throw MissingTable(table);
        }
    }

    private static InvalidOperationException MissingTable(string table) =>
        new($"Table '{table}' does not exist: create it first.");

    private static string EncodeToken(string nextPartition, string? nextRow) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(nextRow is null ? nextPartition : nextPartition + "\n" + nextRow));

    private static (string Partition, string? Row) DecodeToken(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("Not a continuation token of this store.", nameof(token), e);
        }

        var parts = text.Split('\n', 2);
        return (parts[0], parts.Length == 2 ? parts[1] : null);
    }
}
