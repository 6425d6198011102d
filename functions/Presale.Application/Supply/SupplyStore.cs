using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.Catalog;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// Reads and writes SKU partitions of the supply table (see <see cref="SupplyRows"/>). Every write is one
/// entity-group transaction in the SKU's partition, conditioned on the versions it was computed from.
/// </summary>
public sealed class SupplyStore(ITableStore store, OrdersOptions options, RandomSource random)
{
    private readonly TableBootstrap _tables = new(store, [options.SupplyTable]);

    private string Table => options.SupplyTable;

    /// <summary>The SKU's settings, ledger and shards (one range query), or null for an unknown SKU.</summary>
    public async Task<SkuState?> LoadAsync(Sku sku, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowRange(sku.Value, SupplyRows.StateStart, SupplyRows.StateEnd), 1000, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return SupplyRows.ReadState(sku, rows);
    }

    /// <summary>Creates a SKU: settings, an empty ledger holding the cap, and <paramref name="shardCount"/> shards; false when it exists.</summary>
    public async Task<bool> CreateAsync(SkuSettings settings, int shardCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shardCount, 64);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var ledger = SupplyLedger.Empty(settings.Cap);
        var distribution = (DistributionResult.Distributed)QuotaDistributor.Distribute(
            [.. Enumerable.Range(0, shardCount).Select(AllocationShard.Empty)], ledger.Targets());
        var operations = new List<TableOperation>
        {
            TableOperation.Insert(SupplyRows.SettingsEntity(settings)),
            TableOperation.Insert(SupplyRows.LedgerEntity(settings.Sku, ledger, shardCount, 1)),
        };
        operations.AddRange(distribution.Shards.Select(s => TableOperation.Insert(SupplyRows.ShardEntity(settings.Sku, s, 1))));
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        return result.Succeeded || (result.FailureStatus == WriteStatus.AlreadyExists
            ? false
            : throw new InvalidOperationException($"Creating SKU {settings.Sku} failed with {result.FailureStatus}."));
    }

    /// <summary>
    /// Writes <paramref name="ledger"/> as the SKU's new supply: the ledger, every shard (quotas re-spread, new ledger
    /// version) and <paramref name="extra"/> rows of the same partition, all or nothing.
    /// </summary>
    public Task<LedgerWrite> CommitAsync(SkuState state, SupplyLedger ledger, IReadOnlyList<TableOperation> extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ledger);
        var distribution = QuotaDistributor.Distribute(state.AllocationShards, ledger.Targets());
        return distribution is DistributionResult.BelowReserved below
            ? Task.FromResult<LedgerWrite>(new LedgerWrite.BelowReservedWrite(below.Key, below.Reserved, below.Target))
            : CommitAsync(state, ledger, ((DistributionResult.Distributed)distribution).Shards, extra, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="ledger"/> with <paramref name="shards"/> (every shard, already spread to the ledger's
    /// targets, in the order of <paramref name="state"/>'s shards) and <paramref name="extra"/> rows of the same
    /// partition, all or nothing, conditioned on the versions in <paramref name="state"/>.
    /// </summary>
    public async Task<LedgerWrite> CommitAsync(SkuState state, SupplyLedger ledger, IReadOnlyList<AllocationShard> shards, IReadOnlyList<TableOperation> extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(extra);
        var sku = state.Settings.Sku;
        var version = state.LedgerVersion + 1;
        var operations = new List<TableOperation>(shards.Count + extra.Count + 1)
        {
            TableOperation.Replace(SupplyRows.LedgerEntity(sku, ledger, state.Shards.Count, version), state.LedgerETag),
        };
        operations.AddRange(shards.Select((s, i) => TableOperation.Replace(SupplyRows.ShardEntity(sku, s, version), state.Shards[i].ETag)));
        var extraStart = operations.Count;
        operations.AddRange(extra);
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LedgerWrite.Committed;
        }

        return result switch
        {
            { FailureStatus: WriteStatus.AlreadyExists, FailedIndex: { } index } when index >= extraStart => new LedgerWrite.DuplicateWrite(index - extraStart),
            { FailureStatus: WriteStatus.PreconditionFailed or WriteStatus.NotFound } => LedgerWrite.Conflict,
            _ => throw new InvalidOperationException($"Writing the supply of SKU {sku} failed at operation {result.FailedIndex} with {result.FailureStatus}."),
        };
    }

    /// <summary>
    /// Writes a reservation and the shards it draws on, conditioned on those shards' versions in <paramref name="state"/>.
    /// </summary>
    public async Task<ReserveWrite> TryReserveAsync(SkuState state, Reservation reservation, IReadOnlyList<AllocationShard> changedShards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentNullException.ThrowIfNull(changedShards);
        var sku = state.Settings.Sku;
        var operations = new List<TableOperation>(changedShards.Count + 1);
        foreach (var shard in changedShards)
        {
            var stored = state.Shards[shard.Index];
            operations.Add(TableOperation.Replace(SupplyRows.ShardEntity(sku, shard, stored.LedgerVersion), stored.ETag));
        }

        operations.Add(TableOperation.Insert(SupplyRows.ReservationEntity(sku, reservation)));
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { Succeeded: true } => ReserveWrite.Reserved,
            { FailureStatus: WriteStatus.AlreadyExists } => ReserveWrite.AlreadyReserved,
            { FailureStatus: WriteStatus.PreconditionFailed or WriteStatus.NotFound } => ReserveWrite.Conflict,
            _ => throw new InvalidOperationException($"Reserving SKU {sku} for order {reservation.OrderId} failed with {result.FailureStatus}."),
        };
    }

    /// <summary>The reservation of an order line, or null.</summary>
    public async Task<Reservation?> GetReservationAsync(Sku sku, string orderId, int lineNumber, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await store.GetAsync(Table, sku.Value, SupplyRows.Reservation(orderId, lineNumber), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : SupplyRows.ReadReservation(entity);
    }

    /// <summary>
    /// Releases an order line's reservation, if it holds one: deletes it and gives its units back to the shards it came
    /// from, in one transaction. Idempotent; true when units were released by this call.
    /// </summary>
    public async Task<bool> ReleaseAsync(Sku sku, string orderId, int lineNumber, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var entity = await store.GetAsync(Table, sku.Value, SupplyRows.Reservation(orderId, lineNumber), cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return false;
            }

            var reservation = SupplyRows.ReadReservation(entity);
            var operations = new List<TableOperation> { TableOperation.Delete(entity.PartitionKey, entity.RowKey, entity.ETag) };
            foreach (var group in reservation.Parts.GroupBy(p => p.Shard))
            {
                var shardEntity = await store.GetAsync(Table, sku.Value, SupplyRows.Shard(group.Key), cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"SKU {sku} has no shard {group.Key} although reservation {entity.RowKey} draws on it.");
                var stored = SupplyRows.ReadShard(shardEntity);
                var shard = group.Aggregate(stored.Shard, (s, part) => s.Release(part.Source.Key, part.Quantity));
                operations.Add(TableOperation.Replace(SupplyRows.ShardEntity(sku, shard, stored.LedgerVersion), stored.ETag));
            }

            var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return true;
            }

            if (result.FailureStatus is not (WriteStatus.PreconditionFailed or WriteStatus.NotFound))
            {
                throw new InvalidOperationException($"Releasing {entity.RowKey} of SKU {sku} failed with {result.FailureStatus}.");
            }
        }
    }

    /// <summary>A row of the SKU's partition (an adjustment, a reservation, a shipment's stock), or null.</summary>
    public async Task<TableEntity?> GetRowAsync(Sku sku, string rowKey, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(Table, sku.Value, rowKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts a row of a SKU's partition on its own; false when the row exists.</summary>
    public async Task<bool> TryInsertRowAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var result = await store.InsertAsync(Table, entity, cancellationToken).ConfigureAwait(false);
        return result.Succeeded || (result.Status == WriteStatus.AlreadyExists
            ? false
            : throw new InvalidOperationException($"Inserting {entity.RowKey} of SKU {entity.PartitionKey} failed with {result.Status}."));
    }
}
