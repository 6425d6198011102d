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
public sealed class ExpireDelayConsentsSweep(
    DelayConsentStore consents,
    DelayConsentService service,
    NotificationOutbox outbox,
    ITableStore store,
    OrdersOptions orders,
    CompensationOptions options,
    RandomSource random,
    TimeProvider timeProvider)
{
    /// <summary>Runs one sweep.</summary>
    public async Task<ConsentSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var expired = 0;
        var finished = 0;
        await store.CreateTableIfNotExistsAsync(orders.OrdersTable, cancellationToken).ConfigureAwait(false);
        foreach (var partition in OrderIds.Partitions)
        {
            string? token = null;
            do
            {
                var page = await consents.DuePageAsync(partition, now, options.SweepPageSize, token, cancellationToken).ConfigureAwait(false);
                foreach (var row in page.Items)
                {
                    var (wasExpired, wasFinished) = await ProcessAsync(row, now, cancellationToken).ConfigureAwait(false);
                    expired += wasExpired ? 1 : 0;
                    finished += wasFinished ? 1 : 0;
                }

                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        var published = await outbox.SweepAsync(now - options.NotificationOutboxGrace, cancellationToken).ConfigureAwait(false);
        return new ConsentSweepResult(expired, finished, published);
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
