using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Presale.Application.Credits;
using Presale.Application.DelayConsent;
using Presale.Application.Messaging;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Application.Storage;
using Presale.Domain.Compensation;
using Presale.Domain.Notifications;
using Presale.Domain.Orders;

namespace Presale.Application.Compensation;

/// <summary>
/// The compensation timer's use case. It reads the <see cref="PromiseDueIndex"/> rows due up to today (shop-local) of
/// every order partition, one page at a time, and per order: reads the order and the credits already issued for it,
/// assesses it with the shop's policy in the order's own currency, inserts each newly due award under its
/// de-duplication key (an insert: a second sweep gets AlreadyExists and issues nothing), publishes the award's notice
/// (stored on the credit row, flagged once published), and only then moves the index row to the next tier's date or
/// drops it when nothing more can be due. A sweep that dies anywhere leaves the row in place, so the next run
/// re-assesses from stored state: the same awards are found issued, unpublished notices are published, and nothing is
/// issued twice.
/// </summary>
/// <remarks>
/// Orders are worked on <see cref="CompensationOptions.SweepConcurrency"/> at a time; no new order is started once
/// <see cref="CompensationOptions.SweepTimeBudget"/> is spent, and the next run resumes with the rows still due
/// (<see cref="BoundedSweep"/>). An order whose processing throws is logged with its id and counted in
/// <see cref="CompensationSweepResult.Failed"/>; it stays due and the sweep goes on with the others.
/// </remarks>
public sealed partial class CompensationSweep(
    ITableStore store,
    OrderRepository orders,
    DelayConsentStore consents,
    CreditStore credits,
    ShopSettingsStore shops,
    IMessagePublisher publisher,
    NotificationComposer composer,
    OrdersOptions ordersOptions,
    NotificationsOptions notificationsOptions,
    CompensationOptions options,
    TimeProvider timeProvider,
    ILogger<CompensationSweep> logger)
{
    /// <summary>Runs one sweep over the orders due up to today in the shop's time zone, within the time budget.</summary>
    public async Task<CompensationSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
        if (shop is null)
        {
            return CompensationSweepResult.Empty;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId);
        var run = new Run(options, zone, new NotificationContext(shop.Locale, zone), started);
        var today = ShopCalendar.DateAt(run.Now, zone);
        await store.CreateTableIfNotExistsAsync(ordersOptions.OrdersTable, cancellationToken).ConfigureAwait(false);
        var sweep = new BoundedSweep(nameof(CompensationSweep), options.SweepConcurrency, started + options.SweepTimeBudget, timeProvider, logger);
        var progress = await sweep.RunAsync(
            DueRowsAsync(today, cancellationToken),
            row => PromiseDueIndex.Parse(row.RowKey)?.OrderId ?? row.RowKey,
            (row, token) => ProcessAsync(run, row.PartitionKey, row.RowKey, token),
            cancellationToken).ConfigureAwait(false);
        var result = run.Result(progress);
        LogSwept(logger, result.OrdersVisited, result.AwardsIssued, result.Reindexed, result.Dropped, result.Failed, result.OutOfTime);
        return result;
    }

    /// <summary>The index rows due up to <paramref name="today"/>: one row-key range per order partition, read in pages.</summary>
    private async IAsyncEnumerable<TableEntity> DueRowsAsync(DateOnly today, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var partition in OrderIds.Partitions)
        {
            var filter = TableFilter.RowRange(partition, PromiseDueIndex.Prefix, PromiseDueIndex.UpperBound(today));
            await foreach (var row in store.QueryAllAsync(ordersOptions.OrdersTable, filter, options.SweepPageSize, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    private async Task ProcessAsync(Run run, string partition, string rowKey, CancellationToken cancellationToken)
    {
        if (PromiseDueIndex.Parse(rowKey) is not var (dueOn, orderId))
        {
            return;
        }

        run.Count(ref run.Visited);
        var stored = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (stored is null || await LateOrderAsync(stored.Order, run.Zone, cancellationToken).ConfigureAwait(false) is not { } late)
        {
            await DropAsync(run, partition, rowKey, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The order recorded the currency it was paid in; a shop that changed its currency since compensates this order
        // in the order's currency (a percentage of what was paid, in what was paid), never mixing the two.
        var issued = await credits.ForOrderAsync(late.CustomerId, orderId, cancellationToken).ConfigureAwait(false);
        var assessment = run.PolicyFor(stored.Order.Currency).Assess(late, [.. issued.Select(c => new IssuedCompensation(c.Credit.Tier, c.Credit.Amount))], run.Now, run.Zone);
        var issuedNow = new List<IssuedCredit>();
        var lostARace = false;
        foreach (var award in assessment.Awards)
        {
            var message = NotificationMessage.From(composer.CompensationIssued(run.Shop, award), run.Now);
            if (await credits.TryIssueAsync(award, message, cancellationToken).ConfigureAwait(false) is { } credit)
            {
                issuedNow.Add(credit);
                run.Count(ref run.Issued);
                LogIssued(logger, award.DeduplicationKey, award.Amount.Amount, award.Amount.Currency);
            }
            else
            {
                lostARace = true;
            }
        }

        // What this run inserted is known; only a tier another sweep issued meanwhile needs reading back.
        issued = lostARace
            ? await credits.ForOrderAsync(late.CustomerId, orderId, cancellationToken).ConfigureAwait(false)
            : [.. issued, .. issuedNow];

        // Publish every notice not yet published: this run's, and those of a run that died before publishing.
        foreach (var credit in issued.Where(c => !c.Notified))
        {
            var message = NotificationMessageSerializer.Deserialize(credit.NotificationBody);
            await publisher.PublishAsync(notificationsOptions.Queue, message.ToOutboundMessage(orderId), cancellationToken).ConfigureAwait(false);
            await credits.MarkNotifiedAsync(late.CustomerId, credit.Credit.Id, cancellationToken).ConfigureAwait(false);
            run.Count(ref run.Published);
        }

        if (assessment.NextTierDueOn is not { } next)
        {
            await DropAsync(run, partition, rowKey, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (next <= dueOn)
        {
            return;
        }

        var moved = await store.SubmitTransactionAsync(ordersOptions.OrdersTable, PromiseDueIndex.Move(partition, orderId, dueOn, next), cancellationToken).ConfigureAwait(false);
        if (moved.Succeeded)
        {
            run.Count(ref run.Reindexed);
        }
        else if (moved is not { FailedIndex: 1, FailureStatus: WriteStatus.NotFound })
        {
            throw new InvalidOperationException($"Re-indexing order {orderId} failed at operation {moved.FailedIndex} with {moved.FailureStatus}.");
        }
    }

    /// <summary>
    /// The order as compensation sees it, or null when it can never be compensated (not confirmed and not cancelled,
    /// or without promises). The promise is the one made at checkout: the delay flow's original promise when a delay
    /// was recorded (accepting a delay does not waive compensation for it), else the latest line promise. Lines that
    /// reconciliation marked ready to ship and shipped units count as not late (<see cref="LateOrderMapping"/>).
    /// </summary>
    private async Task<LateOrder?> LateOrderAsync(Order order, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.Cancelled) || order.Lines.Any(l => l.Promise is null))
        {
            return null;
        }

        var consent = await consents.GetAsync(order.Id, cancellationToken).ConfigureAwait(false);
        var promised = consent?.Case.OriginalPromise ?? order.Lines.Max(l => l.Promise!.PromisedOn);
        return LateOrderMapping.From(order, promised, zone);
    }

    private async Task DropAsync(Run run, string partition, string rowKey, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(ordersOptions.OrdersTable, partition, rowKey, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (deleted.Succeeded)
        {
            run.Count(ref run.Dropped);
        }
        else if (deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Dropping index row {rowKey} failed with {deleted.Status}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued {CreditId}: {Amount} {Currency}.")]
    private static partial void LogIssued(ILogger logger, string creditId, decimal amount, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compensation sweep: {Visited} due orders, {Issued} awards issued, {Reindexed} re-indexed, {Dropped} dropped, {Failed} failed, out of time: {OutOfTime}.")]
    private static partial void LogSwept(ILogger logger, int visited, int issued, int reindexed, int dropped, int failed, bool outOfTime);

    private sealed class Run(CompensationOptions options, TimeZoneInfo zone, NotificationContext shop, DateTimeOffset now)
    {
        private readonly ConcurrentDictionary<string, CompensationPolicy> _policies = new(StringComparer.Ordinal);

        public int Visited;

        public int Issued;

        public int Published;

        public int Reindexed;

        public int Dropped;

        public TimeZoneInfo Zone { get; } = zone;

        public NotificationContext Shop { get; } = shop;

        public DateTimeOffset Now { get; } = now;

        /// <summary>The shop's policy with its amounts in <paramref name="currency"/>.</summary>
        public CompensationPolicy PolicyFor(string currency) => _policies.GetOrAdd(currency, options.PolicyFor);

        public void Count(ref int counter) => Interlocked.Increment(ref counter);

        public CompensationSweepResult Result(SweepProgress progress) =>
            new(Visited, Issued, Published, Reindexed, Dropped, progress.Failed, progress.FailedIds, progress.OutOfTime);
    }
}
