using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Compensation;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.DelayConsent;

namespace Presale.Application.DelayConsent;

/// <summary>
/// Cancels and refunds orders whose consent deadline passed without consent, and finishes cancellations a request left
/// half-done. It reads the deadline index (<see cref="DelayConsentStore.DuePrefix"/>) of each order partition up to now,
/// one page at a time: no scan. Then it publishes notification rows older than the grace.
/// </summary>
/// <remarks>
/// Both phases share one time budget (<see cref="CompensationOptions.SweepTimeBudget"/>) and work on
/// <see cref="CompensationOptions.SweepConcurrency"/> rows at a time (<see cref="BoundedSweep"/>); a row whose
/// processing throws is logged with its id, counted, and left for the next run while the sweep goes on.
/// </remarks>
public sealed class ExpireDelayConsentsSweep(
    DelayConsentStore consents,
    DelayConsentService service,
    NotificationOutbox outbox,
    ITableStore store,
    OrdersOptions orders,
    CompensationOptions options,
    RandomSource random,
    TimeProvider timeProvider,
    ILogger<ExpireDelayConsentsSweep> logger)
{
    /// <summary>Runs one sweep.</summary>
    public async Task<ConsentSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var expired = 0;
        var finished = 0;
        var published = 0;
        await store.CreateTableIfNotExistsAsync(orders.OrdersTable, cancellationToken).ConfigureAwait(false);
        var sweep = new BoundedSweep(nameof(ExpireDelayConsentsSweep), options.SweepConcurrency, now + options.SweepTimeBudget, timeProvider, logger);
        var deadlines = await sweep.RunAsync(
            consents.DueAsync(now, options.SweepPageSize, cancellationToken),
            row => row.GetString("OrderId") ?? row.RowKey,
            async (row, token) =>
            {
                var (wasExpired, wasFinished) = await ProcessAsync(row, now, token).ConfigureAwait(false);
                Interlocked.Add(ref expired, wasExpired ? 1 : 0);
                Interlocked.Add(ref finished, wasFinished ? 1 : 0);
            },
            cancellationToken).ConfigureAwait(false);
        var notices = await sweep.RunAsync(
            outbox.PendingAsync(now - options.NotificationOutboxGrace, cancellationToken),
            row => row.RowKey,
            async (row, token) =>
            {
                await outbox.PublishRowAsync(row, token).ConfigureAwait(false);
                Interlocked.Increment(ref published);
            },
            cancellationToken).ConfigureAwait(false);
        var progress = deadlines.Then(notices);
        return new ConsentSweepResult(expired, finished, published, progress.Failed, progress.FailedIds, progress.OutOfTime);
    }

    private async Task<(bool Expired, bool Finished)> ProcessAsync(TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var orderId = row.GetString("OrderId") ?? string.Empty;
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await consents.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null || DelayConsentStore.DueRow(stored.Case) != row.RowKey)
            {
                // The case moved on (accepted, or re-notified with a new deadline) in a transaction that moved its row.
                return (false, false);
            }

            switch (stored.Case.Status)
            {
                case DelayConsentStatus.Cancelled when stored.Case.LastChangedAt > now - options.NotificationOutboxGrace:
                    // Decided moments ago: whoever decided it (a request, or another sweep that won the case) is
                    // finishing it now. Two finishers at once would race on releasing the order's reservations, so
                    // the sweep takes over only a cancellation still unfinished after the grace.
                    return (false, false);
                case DelayConsentStatus.Cancelled:
                    await service.FinishCancellationAsync(stored, cancellationToken).ConfigureAwait(false);
                    return (false, true);
                case DelayConsentStatus.AwaitingConsent:
                    var result = stored.Case.ExpireConsent(now);
                    if (result.IsRejected)
                    {
                        return (false, false);
                    }

                    if (!await consents.TryWriteAsync(stored, result.Case, stored.LastNotice, [], cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    await service.FinishCancellationAsync(stored with { Case = result.Case }, cancellationToken).ConfigureAwait(false);
                    return (true, true);
                default:
                    return (false, false);
            }
        }
    }
}
