using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Reconciliation;

/// <summary>
/// The reconciliation's reads and writes in a SKU's partition of the supply table: its plan fence (<c>4|plan</c>), its
/// reservation rows, and the commit that takes a new plan number together with any supply change the plan needs.
/// </summary>
public sealed class ReconciliationStore(ITableStore store, OrdersOptions options)
{
    private readonly TableBootstrap _tables = new(store, [options.SupplyTable, options.OrdersTable, options.LotsTable]);

    /// <summary>The latest plan number of the SKU (0 before the first) and the fence row's version (default when absent).</summary>
    public async Task<(long Version, ETag ETag)> GetFenceAsync(Sku sku, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(options.SupplyTable, sku.Value, SupplyRows.PlanFence, cancellationToken).ConfigureAwait(false);
        return row is null ? (0, default) : (row.GetInt64("PlanVersion") ?? 0, row.ETag);
    }

    /// <summary>The reservation rows of the SKU as the paged range query returns them (for reading their orders while later pages load).</summary>
    public async IAsyncEnumerable<(Reservation Reservation, ETag ETag)> ReservationsAsync(Sku sku, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.RowRange(sku.Value, SupplyRows.ReservationStart, SupplyRows.ReservationEnd);
        await foreach (var row in store.QueryAllAsync(options.SupplyTable, filter, 1000, cancellationToken).ConfigureAwait(false))
        {
            yield return (SupplyRows.ReadReservation(row), row.ETag);
        }
    }

    /// <summary>
    /// Takes plan number <paramref name="planVersion"/> (the fence, conditioned on <paramref name="fenceETag"/>) and,
    /// when given, writes <paramref name="ledger"/> with <paramref name="shards"/> (every shard, conditioned on the
    /// versions in <paramref name="state"/>, with a new ledger version) — one transaction. False on a concurrent change.
    /// </summary>
    public async Task<bool> CommitAsync(SkuState state, long planVersion, ETag fenceETag, DateTimeOffset plannedAt, SupplyLedger? ledger, IReadOnlyList<AllocationShard>? shards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sku = state.Settings.Sku;
        var fence = new TableEntity(sku.Value, SupplyRows.PlanFence, new Dictionary<string, object?>
        {
            ["PlanVersion"] = planVersion,
            ["PlannedAt"] = plannedAt,
        });
        var operations = new List<TableOperation>(state.Shards.Count + 2)
        {
            fenceETag == default ? TableOperation.Insert(fence) : TableOperation.Replace(fence, fenceETag),
        };
        if (ledger is not null && shards is not null)
        {
            var version = state.LedgerVersion + 1;
            operations.Add(TableOperation.Replace(SupplyRows.LedgerEntity(sku, ledger, state.Shards.Count, version), state.LedgerETag));
            operations.AddRange(shards.Select((s, i) => TableOperation.Replace(SupplyRows.ShardEntity(sku, s, version), state.Shards[i].ETag)));
        }

        var result = await store.SubmitTransactionAsync(options.SupplyTable, operations, cancellationToken).ConfigureAwait(false);
        return result.Succeeded || (result.FailureStatus is WriteStatus.PreconditionFailed or WriteStatus.NotFound or WriteStatus.AlreadyExists
            ? false
            : throw new InvalidOperationException($"Committing plan {planVersion} of SKU {sku} failed at operation {result.FailedIndex} with {result.FailureStatus}."));
    }

    /// <summary>
    /// Records on reservation rows that their units are now on hand (same shards, same units): the on-hand allocation of
    /// ready-to-ship orders, so releasing them later gives back on-hand units. Rows changed or released meanwhile are
    /// left alone (releasing is correct either way; this keeps it exact). Batches of up to 100 rows.
    /// </summary>
    public async Task<int> MarkOnHandAsync(Sku sku, IReadOnlyList<(Reservation Reservation, ETag ETag)> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        var marked = 0;
        foreach (var chunk in reservations.Chunk(100))
        {
            var operations = chunk.Select(r => TableOperation.Replace(
                SupplyRows.ReservationEntity(sku, r.Reservation with
                {
                    Parts = [.. r.Reservation.Parts.GroupBy(p => p.Shard).Select(g => new AllocationPart(g.Key, SupplySource.OnHand, g.Sum(p => p.Quantity)))],
                }),
                r.ETag)).ToList();
            var result = await store.SubmitTransactionAsync(options.SupplyTable, operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                marked += chunk.Length;
                continue;
            }

            // One row moved on: mark the rest one by one.
            foreach (var operation in operations)
            {
                var single = await store.ReplaceAsync(options.SupplyTable, operation.Entity, operation.IfMatch, cancellationToken).ConfigureAwait(false);
                if (!single.Succeeded && single.Status is not (WriteStatus.PreconditionFailed or WriteStatus.NotFound))
                {
                    throw new InvalidOperationException($"Marking reservation {operation.Entity.RowKey} of SKU {sku} on hand failed with {single.Status}.");
                }

                marked += single.Succeeded ? 1 : 0;
            }
        }

        return marked;
    }
}
