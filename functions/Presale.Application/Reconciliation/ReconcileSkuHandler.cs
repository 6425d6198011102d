using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Reconciliation;

/// <summary>
/// Reconciles one SKU: brings its ledger up to date with the lots table, re-plans every order holding a reservation
/// of it with <see cref="PromisePlanner"/>, and writes what changed — the supply (ledger, the shards' split of
/// reservations by source) in one transaction with a new plan number, then only the orders whose line changed, each
/// in one transaction with its customer notification in the outbox.
/// </summary>
/// <remarks>
/// <para>The run loop: fence, read, plan, write, notify. Its parts: <see cref="DemandIndex"/> (the reservation rows'
/// copies of their order lines: reading them, when they can be trusted, keeping them in step), <see cref="PlanWriter"/>
/// (the changed orders with their notices, the suppliers' demand rows), <see cref="ReconciliationStore"/> (the plan
/// fence and the supply commit).</para>
/// <para>Everything is recomputed from stored state; the message that triggered the run carries nothing but the SKU.
/// Duplicate, late and reordered messages therefore converge on the same result, and running twice writes nothing the
/// second time.</para>
/// <para><b>Concurrent runs of one SKU</b> are ordered by the plan fence (<c>4|plan</c>): a run reads the fence first,
/// then the state, and takes the next plan number in the same transaction as its supply changes (conditioned on the
/// fence, the ledger and the shards it read). Plan numbers therefore follow the order in which runs read state. Each
/// order line records the plan number it was written from; a run that finds a later number on an order stops (the
/// later run covers it). An order changed under a run (412) makes the run start over from fresh state. Every run is
/// cancelled at <see cref="ReconciliationOptions.RunTimeout"/>, so no write of it lands after its deadline (the demand
/// index relies on that).</para>
/// </remarks>
public sealed partial class ReconcileSkuHandler(
    ReconciliationOptions options,
    ReconciliationStore plans,
    SupplyStore supply,
    ShopSettingsStore shops,
    LotSupplySync lots,
    DemandIndex demandIndex,
    PlanWriter writer,
    RandomSource random,
    TimeProvider timeProvider,
    ILogger<ReconcileSkuHandler> logger)
{
    /// <summary>Reconciles <paramref name="sku"/>.</summary>
    /// <exception cref="InvalidOperationException">Every attempt met a concurrent change (the message should be redelivered).</exception>
    /// <exception cref="OperationCanceledException">The run took longer than <see cref="ReconciliationOptions.RunTimeout"/>.</exception>
    public async Task<ReconcileResult> ReconcileAsync(Sku sku, CancellationToken cancellationToken)
    {
        // No write of this run may land after its deadline: later runs rely on it to know it has no writer left.
        using var deadline = new CancellationTokenSource(options.RunTimeout, timeProvider);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        return await RunAsync(sku, run.Token).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> RunAsync(Sku sku, CancellationToken cancellationToken)
    {
        var ownPlan = 0L;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);

            // Fence: read before anything else, so the plan number taken below orders this run by when it read state.
            var fence = await plans.GetFenceAsync(sku, cancellationToken).ConfigureAwait(false);
            var earlierWriters = demandIndex.EarlierWriters(fence, ownPlan);

            // Read: the SKU's supply (synchronised with the lots), the shop, the demand.
            var state = await supply.LoadAsync(sku, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                return new ReconcileResult(sku, ReconcileOutcome.UnknownSku, 0, 0, 0, 0, false);
            }

            if (!state.IsConsistent)
            {
                continue;
            }

            var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
            if (shop is null)
            {
                return new ReconcileResult(sku, ReconcileOutcome.ShopNotConfigured, 0, 0, 0, 0, false);
            }

            var ledger = await lots.SyncAsync(sku, state.Ledger, cancellationToken).ConfigureAwait(false);
            var demand = await demandIndex.ReadAsync(sku, fence, cancellationToken).ConfigureAwait(false);

            // Plan, and take its number with the supply change it needs (a concurrent change: start over).
            var now = timeProvider.GetUtcNow();
            var today = shop.LocalDate(now);
            var openOrders = demand.OpenOrders();
            var plan = PromisePlanner.Replan(
                SupplyPlanMapping.Snapshot(state.Settings, ledger, today),
                openOrders,
                SupplyPlanMapping.Settings(state.Settings, shop, options.PriorityRule),
                now);
            var (newLedger, shards) = SupplyRealignment.For(state, ledger, plan, today);
            var planVersion = fence.Version + 1;
            if (!await plans.CommitAsync(state, planVersion, fence.ETag, now, earlierWriters.Until, earlierWriters.Clean, newLedger, shards, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            ownPlan = planVersion;

            // Write the changed orders, then notify: publish the notices written with them.
            await demandIndex.ReadChangedOrdersAsync(demand, plan, cancellationToken).ConfigureAwait(false);
            var writes = await writer.WriteOrdersAsync(plan, planVersion, demand, shop, now, cancellationToken).ConfigureAwait(false);
            if (writes.Superseded)
            {
                LogSuperseded(logger, sku.Value, planVersion);
                return new ReconcileResult(sku, ReconcileOutcome.Superseded, planVersion, openOrders.Count, writes.Written, writes.Notices.Count, newLedger is not null);
            }

            await writer.PublishNoticesAsync(writes, cancellationToken).ConfigureAwait(false);
            if (writes.Conflict)
            {
                continue;
            }

            // Keep the demand index in step with the orders written, then the suppliers' view of the lots.
            await demandIndex.CatchUpAsync(sku, plan, planVersion, demand, cancellationToken).ConfigureAwait(false);
            await writer.WriteLotDemandAsync(sku, newLedger ?? ledger, plan, planVersion, now, cancellationToken).ConfigureAwait(false);
            LogReconciled(logger, sku.Value, planVersion, openOrders.Count, writes.Written, writes.Notices.Count, newLedger is not null);
            return new ReconcileResult(sku, ReconcileOutcome.Reconciled, planVersion, openOrders.Count, writes.Written, writes.Notices.Count, newLedger is not null);
        }

        throw new InvalidOperationException($"Reconciling SKU {sku} met a concurrent change on each of {options.MaxAttempts} attempts.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciled SKU {Sku} as plan {PlanVersion}: {Planned} order lines planned, {Written} orders written, {Notifications} notifications, supply changed: {SupplyChanged}.")]
    private static partial void LogReconciled(ILogger logger, string sku, long planVersion, int planned, int written, int notifications, bool supplyChanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation of SKU {Sku} as plan {PlanVersion} stopped: a later plan is being written.")]
    private static partial void LogSuperseded(ILogger logger, string sku, long planVersion);
}
