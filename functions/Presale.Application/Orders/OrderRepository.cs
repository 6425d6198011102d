using Presale.Application.Common;
using Presale.Application.Compensation;
using Presale.Application.Outbox;
using Presale.Application.Storage;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Stores orders. Each state change is one transaction in the order's partition that also writes what must go with
/// it: the saga marker on entering a state the sweeper may have to finish, and the outbox message of what it announces.
/// </summary>
/// <remarks>
/// Pending inserts and state transitions go through <see cref="OutboxCleanup.SubmitAsync"/>, which appends the deletes
/// of the partition's published outbox rows: the clean-up costs no transaction of its own.
/// </remarks>
public sealed class OrderRepository(ITableStore store, OrdersOptions options, OutboxCleanup cleanup)
{
    private readonly TableBootstrap _tables = new(store, [options.OrdersTable]);

    private string Table => options.OrdersTable;

    /// <summary>Inserts a pending order with its saga marker (due at <paramref name="due"/>); null when the order row already exists.</summary>
    public async Task<StoredOrder?> InsertPendingAsync(string partition, Order order, string requestHash, DateTimeOffset due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var marker = OrderRows.Saga(due, order.Id);
        var result = await cleanup.SubmitAsync(partition,
        [
            TableOperation.Insert(OrderRows.OrderEntity(partition, order, requestHash, marker, null, null)),
            TableOperation.Insert(OrderRows.SagaEntity(partition, marker, order.Id)),
        ], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return new StoredOrder(order, result.ETags[0], partition, requestHash, marker, null, null);
        }

        return result.FailureStatus == WriteStatus.AlreadyExists && result.FailedIndex == 0
            ? null
            : throw new InvalidOperationException($"Inserting order {order.Id} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
    }

    /// <summary>The order, or null (also for a malformed id).</summary>
    public async Task<StoredOrder?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        if (OrderIds.PartitionOf(orderId) is not { } partition)
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await store.GetAsync(Table, partition, OrderRows.Order(orderId), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : OrderRows.Read(entity);
    }

    /// <summary>
    /// Writes the confirmed order, removes its saga marker, adds its outbox <paramref name="messages"/> (the reconcile
    /// message and the customer's notice) and indexes it for the compensation sweep by its promise
    /// (<see cref="PromiseDueIndex"/>); false when the order changed meanwhile.
    /// </summary>
    public Task<bool> TryConfirmAsync(StoredOrder stored, IReadOnlyList<OutboxMessage> messages, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(messages);
        var promised = stored.Order.Lines.Max(l => l.Promise?.PromisedOn)
            ?? throw new InvalidOperationException($"Order {stored.Order.Id} is confirmed without promises.");
        return TryTransitionAsync(stored, OrderStatus.Confirmed, sagaMarker: null, "placed", outcome,
        [
            .. messages.Select(m => TableOperation.Insert(OutboxRows.Entity(stored.Partition, m))),
            PromiseDueIndex.Upsert(stored.Partition, stored.Order.Id, promised),
        ], cancellationToken);
    }

    /// <summary>
    /// Writes the rejected order with its answer, keeping its saga marker until what it may hold is released (then
    /// <see cref="FinishSagaAsync"/>); false when the order changed meanwhile.
    /// </summary>
    public Task<bool> TryRejectAsync(StoredOrder stored, string outcomeKind, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return TryTransitionAsync(stored, OrderStatus.Rejected, stored.SagaMarker, outcomeKind, outcome, [], cancellationToken);
    }

    /// <summary>Writes the abandoned order, keeping its saga marker until its reservations are released; false when it changed meanwhile.</summary>
    public Task<bool> TryAbandonAsync(StoredOrder stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return TryTransitionAsync(stored, OrderStatus.Abandoned, stored.SagaMarker, stored.OutcomeKind, stored.Outcome, [], cancellationToken);
    }

    /// <summary>
    /// Writes the cancelled order with a saga marker due at <paramref name="releaseDue"/> (the sweeper releases its
    /// reservations if this request does not) and its outbox <paramref name="messages"/>; false when the order changed meanwhile.
    /// </summary>
    public Task<bool> TryCancelAsync(StoredOrder stored, DateTimeOffset releaseDue, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(messages);
        var marker = OrderRows.Saga(releaseDue, stored.Order.Id);
        return TryTransitionAsync(stored, OrderStatus.Cancelled, marker, stored.OutcomeKind, stored.Outcome,
        [
            TableOperation.Insert(OrderRows.SagaEntity(stored.Partition, marker, stored.Order.Id)),
            .. messages.Select(m => TableOperation.Insert(OutboxRows.Entity(stored.Partition, m))),
        ], cancellationToken);
    }

    /// <summary>
    /// Writes the order's shipments as they are now, with its outbox <paramref name="messages"/>; null when the order
    /// changed meanwhile, else the order as stored. While a shipment takes or gives back its stock the order keeps a
    /// saga marker (<paramref name="sweepDue"/> given: the one it has, or a new one due then), so the sweeper finishes
    /// what a request leaves undone; without it the marker is removed.
    /// </summary>
    public async Task<StoredOrder?> TryWriteShipmentsAsync(StoredOrder stored, DateTimeOffset? sweepDue, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(messages);
        var marker = sweepDue is { } due ? stored.SagaMarker ?? OrderRows.Saga(due, stored.Order.Id) : null;
        List<TableOperation> extra = [.. messages.Select(m => TableOperation.Insert(OutboxRows.Entity(stored.Partition, m)))];
        if (marker is not null && marker != stored.SagaMarker)
        {
            extra.Add(TableOperation.Insert(OrderRows.SagaEntity(stored.Partition, marker, stored.Order.Id)));
        }

        return await TryWriteAsync(stored, marker, stored.OutcomeKind, stored.Outcome, extra, cancellationToken).ConfigureAwait(false) is { } etag
            ? stored with { ETag = etag, SagaMarker = marker }
            : null;
    }

    /// <summary>Removes saga marker row <paramref name="marker"/> alone (its order no longer names it); a row already gone is fine.</summary>
    public async Task RemoveSagaMarkerRowAsync(string partition, string marker, CancellationToken cancellationToken)
    {
        var result = await store.DeleteAsync(Table, partition, marker, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && result.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing saga marker {marker} failed with {result.Status}.");
        }
    }

    /// <summary>
    /// Removes a saga marker once its order needs nothing more, and clears it on the order (unconditionally: only the
    /// marker field changes, and only to say there is none).
    /// </summary>
    public async Task FinishSagaAsync(string partition, string orderId, string marker, CancellationToken cancellationToken)
    {
        var clear = TableOperation.Merge(new TableEntity(partition, OrderRows.Order(orderId)).With("SagaMarker", string.Empty), ETag.Any);
        var result = await store.SubmitTransactionAsync(Table, [TableOperation.Delete(partition, marker, ETag.Any), clear], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return;
        }

        if (result is not { FailedIndex: 0, FailureStatus: WriteStatus.NotFound })
        {
            throw new InvalidOperationException($"Removing saga marker {marker} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
        }

        var cleared = await store.MergeAsync(Table, clear.Entity, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!cleared.Succeeded && cleared.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Clearing the saga marker of order {orderId} failed with {cleared.Status}.");
        }
    }

    /// <summary>The saga markers of <paramref name="partition"/> due at or before <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<(string Marker, string OrderId)>> DueSagaMarkersAsync(string partition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var markers = new List<(string, string)>();
        var filter = TableFilter.RowRange(partition, OrderRows.SagaPrefix, OrderRows.SagaUpperBound(now));
        await foreach (var row in store.QueryAllAsync(Table, filter, 100, cancellationToken).ConfigureAwait(false))
        {
            markers.Add((row.RowKey, row.GetString("OrderId") ?? string.Empty));
        }

        return markers;
    }

    private async Task<bool> TryTransitionAsync(StoredOrder stored, OrderStatus expected, string? sagaMarker, string? outcomeKind, string? outcome, IReadOnlyList<TableOperation> extra, CancellationToken cancellationToken)
    {
        if (stored.Order.Status != expected)
        {
            throw new InvalidOperationException($"Order {stored.Order.Id} is {stored.Order.Status}, not {expected}: transition it first.");
        }

        return await TryWriteAsync(stored, sagaMarker, outcomeKind, outcome, extra, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Replaces the order under the ETag it was read with, pointing to <paramref name="sagaMarker"/> (the old marker row
    /// removed when it changes), with <paramref name="extra"/> rows; the new ETag, or null when the order changed meanwhile.
    /// </summary>
    private async Task<ETag?> TryWriteAsync(StoredOrder stored, string? sagaMarker, string? outcomeKind, string? outcome, IReadOnlyList<TableOperation> extra, CancellationToken cancellationToken)
    {
        var operations = new List<TableOperation>
        {
            TableOperation.Replace(OrderRows.OrderEntity(stored.Partition, stored.Order, stored.RequestHash, sagaMarker, outcomeKind, outcome), stored.ETag),
        };
        if (stored.SagaMarker is { } old && old != sagaMarker)
        {
            operations.Add(TableOperation.Delete(stored.Partition, old, ETag.Any));
        }

        operations.AddRange(extra);
        var result = await cleanup.SubmitAsync(stored.Partition, operations, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return result.ETags[0];
        }

        return result is { FailedIndex: 0, FailureStatus: WriteStatus.PreconditionFailed or WriteStatus.NotFound }
            ? null
            : throw new InvalidOperationException($"Writing order {stored.Order.Id} ({stored.Order.Status}) failed at operation {result.FailedIndex} with {result.FailureStatus}.");
    }
}
