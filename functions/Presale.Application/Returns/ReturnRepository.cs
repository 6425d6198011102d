using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>
/// Stores returns (see <see cref="ReturnRows"/>). Every change of a return is one transaction in its partition,
/// conditioned on the ETag it was read with: the return row, its index rows (added or removed as its state asks), its
/// refund record (inserted once, key = return id) and its outbox rows. Two writers that read the same version cannot
/// both succeed, so a unit is received and decided once whatever runs concurrently.
/// </summary>
public sealed class ReturnRepository(ITableStore store, ReturnsOptions options)
{
    private readonly TableBootstrap _tables = new(store, [options.ReturnsTable]);

    private string Table => options.ReturnsTable;

    /// <summary>The return, or null (also for a malformed id).</summary>
    public async Task<StoredReturn?> GetAsync(string returnId, CancellationToken cancellationToken)
    {
        if (ReturnIds.PartitionOf(returnId) is not { } partition)
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await store.GetAsync(Table, partition, ReturnRows.Return(returnId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ReturnRows.Read(entity);
    }

    /// <summary>Inserts a new return with its index rows, refund and outbox rows; false when a return with its id exists.</summary>
    public async Task<bool> InsertAsync(string partition, ReturnRequest request, string requestHash, IReadOnlyList<ReturnEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (triage, review) = Indexed(request);
        var operations = new List<TableOperation> { TableOperation.Insert(ReturnRows.ReturnEntity(partition, request, requestHash, triage, review)) };
        operations.AddRange(IndexChanges(partition, request, false, false, triage, review));
        operations.AddRange(Extras(partition, request, hadRefund: false, effects));
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        return result.Succeeded || (result is { FailedIndex: 0, FailureStatus: WriteStatus.AlreadyExists }
            ? false
            : throw new InvalidOperationException($"Inserting return {request.Id} failed at operation {result.FailedIndex} with {result.FailureStatus}."));
    }

    /// <summary>
    /// Writes the return as it is now over <paramref name="stored"/>'s version, adjusting its index rows, inserting its
    /// refund record if it just got one, and adding <paramref name="effects"/>; false when the return changed meanwhile.
    /// </summary>
    public async Task<bool> TryCommitAsync(StoredReturn stored, bool hadRefund, IReadOnlyList<ReturnEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var request = stored.Request;
        var (triage, review) = Indexed(request);
        var operations = new List<TableOperation>
        {
            TableOperation.Replace(ReturnRows.ReturnEntity(stored.Partition, request, stored.RequestHash, triage, review), stored.ETag),
        };
        operations.AddRange(IndexChanges(stored.Partition, request, stored.InTriageIndex, stored.InReviewIndex, triage, review));
        operations.AddRange(Extras(stored.Partition, request, hadRefund, effects));
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        return result.Succeeded || (result is { FailedIndex: 0, FailureStatus: WriteStatus.PreconditionFailed or WriteStatus.NotFound }
            ? false
            : throw new InvalidOperationException($"Writing return {request.Id} failed at operation {result.FailedIndex} with {result.FailureStatus}."));
    }

    /// <summary>
    /// One page of an index range (<paramref name="prefix"/>: <see cref="ReturnRows.TriagePrefix"/> or
    /// <see cref="ReturnRows.ReviewPrefix"/>) of <paramref name="partition"/>, after row key <paramref name="after"/>:
    /// up to <paramref name="take"/> rows; fewer only when the range has no more.
    /// </summary>
    internal async Task<IReadOnlyList<TableEntity>> IndexPageAsync(string partition, string prefix, string? after, int take, CancellationToken cancellationToken)
    {
        var filter = after is null
            ? TableFilter.RowPrefix(partition, prefix)
            : TableFilter.Partition(partition) & TableFilter.Gt("RowKey", after) & TableFilter.Lt("RowKey", TableFilter.PrefixUpperBound(prefix));
        return await RangePageAsync(filter, take, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One page of the outbox rows of <paramref name="partition"/> written before <paramref name="before"/>, oldest
    /// first, after row key <paramref name="after"/>: up to <paramref name="take"/> rows, fewer only when there are no
    /// more. Rows are returned as stored: a row that cannot be read as an effect must not hide the others.
    /// </summary>
    internal async Task<IReadOnlyList<TableEntity>> PendingEffectsPageAsync(string partition, DateTimeOffset before, string? after, int take, CancellationToken cancellationToken)
    {
        var upper = ReturnRows.OutboxUpperBound(before);
        var filter = after is null
            ? TableFilter.RowRange(partition, ReturnRows.OutboxPrefix, upper)
            : TableFilter.Partition(partition) & TableFilter.Gt("RowKey", after) & TableFilter.Lt("RowKey", upper);
        return await RangePageAsync(filter, take, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a done outbox row (a row already removed is fine).</summary>
    public async Task CompleteEffectAsync(string partition, ReturnEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var deleted = await store.DeleteAsync(Table, partition, ReturnRows.Outbox(effect), ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing outbox row {effect.Id} failed with {deleted.Status}.");
        }
    }

    /// <summary>The refund record of a return, or null.</summary>
    public async Task<TableEntity?> GetRefundRecordAsync(string returnId, CancellationToken cancellationToken)
    {
        if (ReturnIds.PartitionOf(returnId) is not { } partition)
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(Table, partition, ReturnRows.Refund(returnId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Units of an order covered by returns, per return id and SKU, with the row's version (empty when none).</summary>
    public async Task<OrderReturnedUnits> GetReturnedUnitsAsync(string orderId, CancellationToken cancellationToken)
    {
        var (byReturn, etag) = await ReadByReturnAsync<Dictionary<string, int>>(orderId, ReturnRows.ReturnedRow, cancellationToken).ConfigureAwait(false);
        return new OrderReturnedUnits(orderId, byReturn, etag);
    }

    /// <summary>Writes the order's returned units over the version they were read with; false when they changed meanwhile.</summary>
    public Task<bool> TryWriteReturnedUnitsAsync(OrderReturnedUnits units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        return TryWriteByReturnAsync(units.OrderId, ReturnRows.ReturnedRow, units.ByReturn, units.ETag, "returned units", cancellationToken);
    }

    /// <summary>The original shipping of an order taken by its returns, per return id, with the row's version (empty when none).</summary>
    public async Task<OrderShippingClaims> GetShippingClaimsAsync(string orderId, CancellationToken cancellationToken)
    {
        var (byReturn, etag) = await ReadByReturnAsync<decimal>(orderId, ReturnRows.ShippingRow, cancellationToken).ConfigureAwait(false);
        return new OrderShippingClaims(orderId, byReturn, etag);
    }

    /// <summary>Writes an order's shipping claims over the version they were read with; false when they changed meanwhile.</summary>
    public Task<bool> TryWriteShippingClaimsAsync(OrderShippingClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return TryWriteByReturnAsync(claims.OrderId, ReturnRows.ShippingRow, claims.ByReturn, claims.ETag, "shipping refunds", cancellationToken);
    }

    /// <summary>A per-order row of the order's partition holding a value per return id, with its version (empty when absent).</summary>
    private async Task<(Dictionary<string, T> ByReturn, ETag? ETag)> ReadByReturnAsync<T>(string orderId, string rowKey, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await store.GetAsync(Table, ReturnRows.OrderPartition(orderId), rowKey, cancellationToken).ConfigureAwait(false);
        var byReturn = entity?.GetString("ByReturn") is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, T>>(json, PresaleJson.Options) ?? []
            : [];
        return (byReturn, entity?.ETag);
    }

    /// <summary>Writes a per-order row over the version it was read with (inserts it when it had none); false when it changed meanwhile.</summary>
    private async Task<bool> TryWriteByReturnAsync<T>(string orderId, string rowKey, Dictionary<string, T> byReturn, ETag? etag, string what, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(ReturnRows.OrderPartition(orderId), rowKey, new Dictionary<string, object?>
        {
            ["ByReturn"] = JsonSerializer.Serialize(byReturn, PresaleJson.Options),
        });
        var result = etag is { } version
            ? await store.ReplaceAsync(Table, entity, version, cancellationToken).ConfigureAwait(false)
            : await store.InsertAsync(Table, entity, cancellationToken).ConfigureAwait(false);
        return result.Succeeded || (result.Status is WriteStatus.PreconditionFailed or WriteStatus.NotFound or WriteStatus.AlreadyExists
            ? false
            : throw new InvalidOperationException($"Writing the {what} of order {orderId} failed with {result.Status}."));
    }

    /// <summary>The shop-local request days of the customer's returns other than <paramref name="exceptReturnId"/>.</summary>
    public async Task<IReadOnlyList<DateOnly>> CustomerReturnDaysAsync(string customerId, string exceptReturnId, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var days = new List<DateOnly>();
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.Partition(ReturnRows.CustomerPartition(customerId)), 1000, cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey != exceptReturnId && row.GetString("RequestedOn") is { } on)
            {
                days.Add(DateOnly.ParseExact(on, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return days;
    }

    /// <summary>Records a return in its customer's history (idempotent).</summary>
    public async Task RecordCustomerReturnAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entity = new TableEntity(ReturnRows.CustomerPartition(request.CustomerId), request.Id, new Dictionary<string, object?>
        {
            ["RequestedOn"] = request.RequestedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["OrderId"] = request.OrderId,
        });
        var result = await store.UpsertAsync(Table, entity, merge: false, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Recording return {request.Id} in the customer's history failed with {result.Status}.");
        }
    }

    // A store may answer a range query with fewer rows than asked (even none) and a continuation: follow it until the
    // page is full or the range ends, so a short page always means "no more".
    private async Task<IReadOnlyList<TableEntity>> RangePageAsync(TableFilter filter, int take, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>(take);
        string? token = null;
        do
        {
            var page = await store.QueryAsync(Table, filter, take - rows.Count, token, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Items.Take(take - rows.Count));
            token = page.ContinuationToken;
        }
        while (token is not null && rows.Count < take);

        return rows;
    }

    private static (bool Triage, bool Review) Indexed(ReturnRequest request) =>
        (request.UnitsAwaitingTriage.Any(), request.IsAwaitingReview);

    private static IEnumerable<TableOperation> IndexChanges(string partition, ReturnRequest request, bool hadTriage, bool hadReview, bool triage, bool review)
    {
        if (triage && !hadTriage)
        {
            yield return TableOperation.UpsertReplace(ReturnRows.TriageEntity(partition, request));
        }
        else if (!triage && hadTriage)
        {
            yield return TableOperation.Delete(partition, ReturnRows.Triage(request.Id), ETag.Any);
        }

        if (review)
        {
            // Rewritten on every change while in review: the row carries the units waiting and why.
            yield return TableOperation.UpsertReplace(ReturnRows.ReviewEntity(partition, request));
        }
        else if (hadReview)
        {
            yield return TableOperation.Delete(partition, ReturnRows.Review(request.Id), ETag.Any);
        }
    }

    private static IEnumerable<TableOperation> Extras(string partition, ReturnRequest request, bool hadRefund, IReadOnlyList<ReturnEffect> effects)
    {
        if (request.Refund is not null && !hadRefund)
        {
            // Key = return id: a second insert of the same refund fails the whole change, so there is one refund per return.
            yield return TableOperation.Insert(ReturnRows.RefundEntity(partition, request));
        }

        foreach (var effect in effects)
        {
            yield return TableOperation.Insert(ReturnRows.OutboxEntity(partition, effect));
        }
    }
}
