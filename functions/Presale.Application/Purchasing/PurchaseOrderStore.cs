using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Outbox;
using Presale.Application.Storage;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>
/// Purchase orders in their supplier's partition of the purchasing table (<see cref="PurchasingRows"/>): one row per
/// order holding its document, written under its ETag, plus its index rows.
/// </summary>
public sealed class PurchaseOrderStore(ITableStore store, PurchasingOptions options)
{
    private const string DocumentProperty = "Document";
    private readonly TableBootstrap _tables = new(store, [options.PurchasingTable]);

    /// <summary>The purchasing table.</summary>
    public string Table => options.PurchasingTable;

    /// <summary>Creates the table once per process.</summary>
    public Task EnsureTableAsync(CancellationToken cancellationToken) => _tables.EnsureCreatedAsync(cancellationToken);

    /// <summary>The order, or null.</summary>
    public async Task<StoredPurchaseOrder?> GetAsync(string supplierId, string purchaseOrderId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(Table, PurchasingRows.SupplierPartition(supplierId), PurchasingRows.PurchaseOrder(purchaseOrderId), cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>The orders of <paramref name="supplierId"/> not yet fully settled (one range query, then a point read each), by id.</summary>
    public async Task<IReadOnlyList<StoredPurchaseOrder>> ListActiveAsync(string supplierId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowPrefix(PurchasingRows.SupplierPartition(supplierId), PurchasingRows.ActivePrefix), 1000, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(PurchasingRows.PurchaseOrderIdOf(row.RowKey, PurchasingRows.ActivePrefix));
        }

        var orders = new StoredPurchaseOrder?[ids.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, ids.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) => orders[i] = await GetAsync(supplierId, ids[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. orders.Where(o => o is not null).Select(o => o!)];
    }

    /// <summary>
    /// Inserts a new order with its index rows (active, acknowledgement due at <paramref name="acknowledgementDue"/>) and
    /// its created event (none while integration events are off), in one transaction; <see cref="WriteStatus.AlreadyExists"/>
    /// when the supplier has an order under this id.
    /// </summary>
    public async Task<WriteStatus> InsertAsync(PurchaseOrder order, string requestHash, DateTimeOffset acknowledgementDue, OutboxMessage? created, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var partition = PurchasingRows.SupplierPartition(order.SupplierId);
        var dueRow = PurchasingRows.AcknowledgementDue(acknowledgementDue, order.Id.Value);
        List<TableOperation> operations =
        [
            TableOperation.Insert(Entity(order, requestHash, dueRow)),
            TableOperation.Insert(new TableEntity(partition, PurchasingRows.Active(order.Id.Value))),
            TableOperation.Insert(new TableEntity(partition, dueRow, new Dictionary<string, object?> { ["PurchaseOrderId"] = order.Id.Value })),
        ];
        if (created is not null)
        {
            operations.Add(OutboxEventPublisher.Row(partition, created));
        }

        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WriteStatus.Ok
            : result is { FailedIndex: 0, FailureStatus: WriteStatus.AlreadyExists } ? WriteStatus.AlreadyExists
            : throw new InvalidOperationException($"Creating purchase order {order.SupplierId}/{order.Id} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
    }

    /// <summary>Submits one transaction of rows of one supplier's partition.</summary>
    public async Task<TransactionResult> SubmitAsync(IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        return await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The row of <paramref name="order"/> (version <paramref name="etag"/> for a replace).</summary>
    internal static TableEntity Entity(PurchaseOrder order, string requestHash, string acknowledgementDueRow, ETag etag = default)
    {
        var properties = new List<KeyValuePair<string, object?>>
        {
            new("RequestHash", requestHash),
            new("AcknowledgementDueRow", acknowledgementDueRow),
            new("Status", order.Status.ToString()),
        };
        properties.AddRange(ChunkedText.Properties(DocumentProperty, PurchaseOrderDocument.Serialize(order)));
        return new TableEntity(PurchasingRows.SupplierPartition(order.SupplierId), PurchasingRows.PurchaseOrder(order.Id.Value), properties, etag);
    }

    /// <summary>Reads a row written by <see cref="Entity"/>.</summary>
    internal static StoredPurchaseOrder Read(TableEntity row) => new(
        PurchaseOrderDocument.Deserialize(ChunkedText.Read(row, DocumentProperty) ?? throw new FormatException($"Purchase order row {row.RowKey} has no document.")),
        row.ETag,
        row.GetString("RequestHash") ?? string.Empty,
        row.GetString("AcknowledgementDueRow") ?? string.Empty);
}
