using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Presale.Application.Storage;

namespace Presale.Application.Notifications;

/// <summary>
/// Delivers one notification message: records it in the customer's feed (once per key), then POSTs it to the shop's
/// webhook at most once per de-duplication key while the receiver answers 2xx.
/// <para>
/// The delivery record of the key is the guard. A delivery must first win a lease on it with a conditional (ETag)
/// write that also counts the attempt; only then does it POST. Each further attempt renews the lease with another
/// conditional write, so a delivery that lost its lease never POSTs again. A 2xx marks the record Delivered, after
/// which every delivery of the key succeeds without a POST. Transient failures are retried with back-off inside the
/// invocation (<see cref="NotificationsOptions.AttemptsPerInvocation"/>), then the lease is released and the invocation
/// fails so the queue redelivers; after <see cref="NotificationsOptions.MaxAttempts"/> attempts, on a rejection, or on
/// the queue's last delivery the record is DeadLettered, listed in the dead-letter index, and the invocation fails
/// from then on so the broker dead-letters the message as well.
/// </para>
/// <para>
/// The unavoidable window: a process that dies after the receiver's 2xx but before recording it leaves the record
/// Pending; once its lease expires the next delivery POSTs again with the same <c>Idempotency-Key</c>, which the
/// receiver uses to drop the repeat.
/// </para>
/// </summary>
public sealed class NotificationDeliveryHandler
{
    private readonly NotificationFeed _feed;
    private readonly NotificationDeliveryStore _deliveries;
    private readonly INotificationWebhook _webhook;
    private readonly NotificationsOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _randomGate = new();

    /// <summary>Creates the handler; <paramref name="random"/> drives the back-off jitter (seed it in tests).</summary>
    public NotificationDeliveryHandler(
        NotificationFeed feed,
        NotificationDeliveryStore deliveries,
        INotificationWebhook webhook,
        NotificationsOptions options,
        TimeProvider time,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(deliveries);
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(random);
        (_feed, _deliveries, _webhook, _options, _time, _random) = (feed, deliveries, webhook, options, time, random);
    }

    /// <summary>
    /// The <c>Presale-Delivery-Id</c> of attempt <paramref name="attempt"/>: a hash of the key and the attempt number,
    /// unique per attempt and the same if an attempt is logged twice.
    /// </summary>
    public static string DeliveryId(string deduplicationKey, int attempt)
    {
        ArgumentNullException.ThrowIfNull(deduplicationKey);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deduplicationKey)).AsSpan(0, 12));
        return hash + "-" + attempt.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Records and delivers <paramref name="message"/>. <paramref name="deliveryCount"/> is the queue's count of this
    /// message's deliveries (this one included), when known.
    /// </summary>
    /// <exception cref="NotificationDeliveryException">Not delivered: the invocation must fail (see <see cref="NotificationDeliveryException.Failure"/>).</exception>
    public async Task<NotificationDeliveryOutcome> DeliverAsync(NotificationMessage message, long? deliveryCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _feed.RecordAsync(message, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (_options.WebhookUri is null)
        {
            return NotificationDeliveryOutcome.FeedOnly;
        }

        var lastDelivery = deliveryCount >= _options.MaxDeliveryCount;
        var holder = Guid.NewGuid().ToString("N");
        var record = await ClaimAsync(message, holder, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return NotificationDeliveryOutcome.AlreadyDelivered;
        }

        for (var attemptInInvocation = 1; ; attemptInInvocation++)
        {
            var request = new NotificationWebhookRequest(message, DeliveryId(message.DeduplicationKey, record.Attempts), record.Attempts);
            var result = await _webhook.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (result.Status == WebhookAttemptStatus.Delivered)
            {
                // The POST succeeded: record it whatever happened to the lease meanwhile.
                var delivered = record with
                {
                    Status = NotificationDeliveryStatus.Delivered,
                    DeliveredAt = _time.GetUtcNow(),
                    LeaseHolder = null,
                    LeaseUntil = null,
                    LastStatusCode = result.StatusCode,
                    LastError = null,
                };
                Ensure(await _deliveries.ReplaceAsync(delivered, ETag.Any, cancellationToken).ConfigureAwait(false), message, "recording the delivery");
                return NotificationDeliveryOutcome.Delivered;
            }

            var failed = record with { LastStatusCode = result.StatusCode ?? record.LastStatusCode, LastError = Describe(result) };
            if (result.Status == WebhookAttemptStatus.Rejected)
            {
                await DeadLetterAndThrowAsync(failed, message, $"Rejected by the webhook: {Describe(result)}", cancellationToken).ConfigureAwait(false);
            }

            if (failed.Attempts >= _options.MaxAttempts)
            {
                await DeadLetterAndThrowAsync(failed, message, $"{failed.Attempts} attempts failed; the last: {Describe(result)}", cancellationToken).ConfigureAwait(false);
            }

            if (attemptInInvocation >= _options.AttemptsPerInvocation)
            {
                if (lastDelivery)
                {
                    await DeadLetterAndThrowAsync(failed, message, $"The queue's last delivery ({deliveryCount}) failed; the last attempt: {Describe(result)}", cancellationToken).ConfigureAwait(false);
                }

                // Release the lease so the redelivery can start at once; if the record moved on, its new owner decides.
                var released = failed with { LeaseHolder = null, LeaseUntil = null };
                var release = await _deliveries.ReplaceAsync(released, record.ETag, cancellationToken).ConfigureAwait(false);
                if (!release.Succeeded && release.Status != WriteStatus.PreconditionFailed)
                {
                    Ensure(release, message, "releasing the lease");
                }

                throw new NotificationDeliveryException(
                    message.DeduplicationKey,
                    NotificationDeliveryFailure.RetryLater,
                    $"Notification {message.DeduplicationKey}: attempt {failed.Attempts} of {_options.MaxAttempts} failed ({Describe(result)}); the queue will redeliver it.");
            }

            await Task.Delay(NextDelay(failed.Attempts, result.RetryAfter), _time, cancellationToken).ConfigureAwait(false);
            record = await NextAttemptAsync(failed, holder, message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Wins the lease and counts the first attempt of this delivery. Null when the key was already delivered. Waits
    /// (polling) while another delivery holds the lease, up to <see cref="NotificationsOptions.DeliveryLease"/>.
    /// </summary>
    private async Task<NotificationDeliveryRecord?> ClaimAsync(NotificationMessage message, string holder, CancellationToken cancellationToken)
    {
        var key = message.DeduplicationKey;
        var poll = _options.InitialRetryDelay > TimeSpan.Zero ? _options.InitialRetryDelay : TimeSpan.FromSeconds(1);
        var pollsLeft = (int)Math.Ceiling(_options.DeliveryLease / poll);
        while (true)
        {
            var current = await _deliveries.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            if (current is null)
            {
                var fresh = new NotificationDeliveryRecord
                {
                    DeduplicationKey = key,
                    Status = NotificationDeliveryStatus.Pending,
                    Attempts = 1,
                    LeaseHolder = holder,
                    LeaseUntil = now + _options.DeliveryLease,
                };
                var inserted = await _deliveries.InsertAsync(fresh, cancellationToken).ConfigureAwait(false);
                if (inserted.Succeeded)
                {
                    return fresh with { ETag = inserted.ETag };
                }

                if (inserted.Status != WriteStatus.AlreadyExists)
                {
                    Ensure(inserted, message, "creating the delivery record");
                }

                continue;
            }

            switch (current.Status)
            {
                case NotificationDeliveryStatus.Delivered:
                    return null;
                case NotificationDeliveryStatus.DeadLettered:
                    // Rewrite the index row (a crash may have come between the record and its index row), then keep failing.
                    await _deliveries.IndexDeadLetterAsync(current, message, cancellationToken).ConfigureAwait(false);
                    throw DeadLettered(current);
            }

            if (current.IsLeasedToOtherThan(holder, now))
            {
                if (pollsLeft-- <= 0)
                {
                    throw new NotificationDeliveryException(
                        key,
                        NotificationDeliveryFailure.InProgressElsewhere,
                        $"Notification {key}: another delivery holds it until {current.LeaseUntil:O}; the queue will redeliver this message.");
                }

                await Task.Delay(poll, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (current.Attempts >= _options.MaxAttempts)
            {
                await DeadLetterAndThrowAsync(current, message, $"{current.Attempts} attempts failed; the last: {current.LastError}", cancellationToken).ConfigureAwait(false);
            }

            var claimed = current with
            {
                Attempts = current.Attempts + 1,
                LeaseHolder = holder,
                LeaseUntil = now + _options.DeliveryLease,
            };
            var written = await _deliveries.ReplaceAsync(claimed, current.ETag, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded)
            {
                return claimed with { ETag = written.ETag };
            }

            if (written.Status != WriteStatus.PreconditionFailed)
            {
                Ensure(written, message, "claiming the delivery record");
            }
        }
    }

    /// <summary>Counts the next attempt and renews the lease; fails when another delivery took the record meanwhile.</summary>
    private async Task<NotificationDeliveryRecord> NextAttemptAsync(NotificationDeliveryRecord failed, string holder, NotificationMessage message, CancellationToken cancellationToken)
    {
        var next = failed with
        {
            Attempts = failed.Attempts + 1,
            LeaseHolder = holder,
            LeaseUntil = _time.GetUtcNow() + _options.DeliveryLease,
        };
        var written = await _deliveries.ReplaceAsync(next, failed.ETag, cancellationToken).ConfigureAwait(false);
        if (written.Status == WriteStatus.PreconditionFailed)
        {
            throw new NotificationDeliveryException(
                message.DeduplicationKey,
                NotificationDeliveryFailure.InProgressElsewhere,
                $"Notification {message.DeduplicationKey}: the lease was lost to another delivery; this one stops without another POST.");
        }

        Ensure(written, message, "counting the next attempt");
        return next with { ETag = written.ETag };
    }

    /// <summary>Marks the record DeadLettered (conditionally), indexes it, and throws.</summary>
    private async Task DeadLetterAndThrowAsync(NotificationDeliveryRecord record, NotificationMessage message, string reason, CancellationToken cancellationToken)
    {
        var dead = record with
        {
            Status = NotificationDeliveryStatus.DeadLettered,
            DeadLetteredAt = _time.GetUtcNow(),
            DeadLetterReason = reason,
            LeaseHolder = null,
            LeaseUntil = null,
        };
        var written = await _deliveries.ReplaceAsync(dead, record.ETag, cancellationToken).ConfigureAwait(false);
        if (written.Status == WriteStatus.PreconditionFailed)
        {
            throw new NotificationDeliveryException(
                message.DeduplicationKey,
                NotificationDeliveryFailure.InProgressElsewhere,
                $"Notification {message.DeduplicationKey}: another delivery changed the record before it could be dead-lettered; the queue will redeliver this message.");
        }

        Ensure(written, message, "dead-lettering");
        await _deliveries.IndexDeadLetterAsync(dead, message, cancellationToken).ConfigureAwait(false);
        throw DeadLettered(dead);
    }

    private static NotificationDeliveryException DeadLettered(NotificationDeliveryRecord record) => new(
        record.DeduplicationKey,
        NotificationDeliveryFailure.DeadLettered,
        $"Notification {record.DeduplicationKey} is dead-lettered ({record.DeadLetterReason}); see GET /api/notifications/dead-letters.");

    private TimeSpan NextDelay(int failedAttempts, TimeSpan? retryAfter)
    {
        double unit;
        lock (_randomGate)
        {
            unit = _random.NextDouble();
        }

        return RetryBackoff.Delay(failedAttempts, _options.InitialRetryDelay, _options.MaxRetryDelay, retryAfter, unit);
    }

    private static string Describe(WebhookAttemptResult result) => result switch
    {
        { StatusCode: { } code, Error: { } error } => $"HTTP {code}: {error}",
        { StatusCode: { } code } => $"HTTP {code}",
        { Error: { } error } => error,
        _ => result.Status.ToString(),
    };

    private static void Ensure(WriteResult result, NotificationMessage message, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Notification {message.DeduplicationKey}: {what} failed with {result.Status}.");
        }
    }
}
