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

    /// <summary>The SKU's plan fence (a fence of plan 0 before the first plan).</summary>
    public async Task<PlanFence> GetFenceAsync(Sku sku, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(options.SupplyTable, sku.Value, SupplyRows.PlanFence, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return new PlanFence(0, default, false, false, null, default);
        }

        var version = row.GetInt64("PlanVersion") ?? 0;
        return new PlanFence(
            version,
            row.GetDateTimeOffset("PlannedAt") ?? default,
            version > 0 && row.GetInt64("FinishedPlan") == version,
            row.GetBoolean("Clean") == true,
            row.GetDateTimeOffset("WritersUntil"),
            row.ETag);
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
    /// Takes plan number <paramref name="planVersion"/> (the fence, conditioned on <paramref name="fenceETag"/>, with until
    /// when earlier runs could still write and whether this run started after that, see <see cref="PlanFence"/>) and,
    /// when given, writes <paramref name="ledger"/> with <paramref name="shards"/> (every shard, conditioned on the
    /// versions in <paramref name="state"/>, with a new ledger version) — one transaction. False on a concurrent change.
    /// </summary>
    public async Task<bool> CommitAsync(SkuState state, long planVersion, ETag fenceETag, DateTimeOffset plannedAt, DateTimeOffset? writersUntil, bool clean, SupplyLedger? ledger, IReadOnlyList<AllocationShard>? shards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sku = state.Settings.Sku;
        var fence = new TableEntity(sku.Value, SupplyRows.PlanFence, new Dictionary<string, object?>
        {
            ["PlanVersion"] = planVersion,
            ["PlannedAt"] = plannedAt,
            ["WritersUntil"] = writersUntil,
            ["Clean"] = clean,
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
        return result.Succeeded
            || (result.FailureStatus is WriteStatus.PreconditionFailed or WriteStatus.NotFound or WriteStatus.AlreadyExists ? false
            : throw new InvalidOperationException($"Committing plan {planVersion} of SKU {sku} failed at operation {result.FailedIndex} with {result.FailureStatus}."));
    }

    /// <summary>
    /// Records that the run of plan <paramref name="planVersion"/> wrote all it had to. Said of an earlier plan it
    /// changes nothing: a plan counts as finished only while the fence's plan number is its own.
    /// </summary>
    public async Task FinishAsync(Sku sku, long planVersion, CancellationToken cancellationToken)
    {
        var fence = new TableEntity(sku.Value, SupplyRows.PlanFence, new Dictionary<string, object?> { ["FinishedPlan"] = planVersion });
        var result = await store.MergeAsync(options.SupplyTable, fence, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Finishing plan {planVersion} of SKU {sku} failed with {result.Status}.");
        }
    }

    /// <summary>
    /// Rewrites reservation rows (their parts relabelled, their copy of the order brought up to date), each conditioned
    /// on the version it was read at, in batches of up to 100 rows. A batch with a row changed or released meanwhile is
    /// retried row by row, leaving such rows alone. Returns how many rows had changed (released rows do not count:
    /// nothing is left of them to be out of date).
    /// </summary>
    public async Task<int> RewriteReservationsAsync(Sku sku, IReadOnlyList<(Reservation Reservation, ETag ETag)> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        var changed = 0;
        foreach (var chunk in reservations.Chunk(100))
        {
            var operations = chunk.Select(r => TableOperation.Replace(SupplyRows.ReservationEntity(sku, r.Reservation), r.ETag)).ToList();
            var result = await store.SubmitTransactionAsync(options.SupplyTable, operations, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                continue;
            }

            foreach (var operation in operations)
            {
                var single = await store.ReplaceAsync(options.SupplyTable, operation.Entity, operation.IfMatch, cancellationToken).ConfigureAwait(false);
                changed += single.Status switch
                {
                    WriteStatus.Ok or WriteStatus.NotFound => 0,
                    WriteStatus.PreconditionFailed => 1,
                    _ => throw new InvalidOperationException($"Rewriting reservation {operation.Entity.RowKey} of SKU {sku} failed with {single.Status}."),
                };
            }
        }

        return changed;
    }
}
