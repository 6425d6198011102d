using Microsoft.Extensions.Logging;
using Presale.Application.Common;
using Presale.Application.Compensation;
using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Shop;
using Presale.Domain.DelayConsent;
using Presale.Domain.Notifications;
using Presale.Domain.Shop;

namespace Presale.Application.DelayConsent;

/// <summary>
/// The delay-consent flow of an order: records delays (what reconciliation calls), takes the customer's answer (the
/// consent endpoint and the signed one-click links) and cancels with a full refund when the flow says so. Every state
/// change is one ETag-guarded transaction in the order's partition that also writes the notification it announces.
/// A cancellation is two steps made safe by the deadline index: the case is first written cancelled with an index row
/// due at once, then the order is cancelled (the orders cancel use case: refund due, reservations released) and the
/// row removed together with the "cancelled and refunded" notice; <see cref="ExpireDelayConsentsSweep"/> finishes a
/// cancellation whose request died in between.
/// </summary>
public sealed partial class DelayConsentService(
    DelayConsentStore consents,
    OrderRepository orders,
    CancelOrderHandler cancel,
    ShopSettingsStore shops,
    NotificationOutbox outbox,
    NotificationComposer composer,
    ConsentLinks links,
    CompensationOptions options,
    RandomSource random,
    TimeProvider timeProvider,
    ILogger<DelayConsentService> logger) : IDelayConsentService
{
    /// <inheritdoc />
    /// <remarks>
    /// The notice is also written to the notification outbox in the same transaction as the case, so it is delivered
    /// even if the caller dies before sending it; sending it again is harmless (same de-duplication key). A delay the
    /// flow refuses (the same date again, a date not after the promise in force, a cancelled order) returns the last
    /// notice sent; with none to return it throws <see cref="InvalidOperationException"/>
    /// (<see cref="TryRecordDelayAsync"/> answers that as a value).
    /// </remarks>
    public async Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken)
    {
        var recorded = await TryRecordDelayAsync(order, revisedDate, cancellationToken).ConfigureAwait(false);
        return recorded.Notice ?? throw new InvalidOperationException(recorded.Refusal);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As <see cref="RecordDelayAsync"/>; a refused delay with no earlier notice writes nothing and is logged.
    /// </remarks>
    public async Task<DelayRecording> TryRecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var partition = OrderIds.PartitionOf(order.OrderId)
            ?? throw new ArgumentException($"'{order.OrderId}' is not an order id.", nameof(order));
        var shop = await RequireShopAsync(cancellationToken).ConfigureAwait(false);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await consents.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false)
                ?? new StoredConsent(DelayConsentCase.Open(order.OrderId, order.OriginalPromise), order.CustomerId, partition, default, null);
            var now = timeProvider.GetUtcNow();
            var result = stored.Case.NotifyDelay(revisedDate, now, zone, options.ConsentPolicy);
            if (result.IsRejected)
            {
                if (stored.LastNotice is { } last)
                {
                    return DelayRecording.Recorded(NotificationMessageSerializer.Deserialize(last).Notification);
                }

                LogDelayRefused(logger, order.OrderId, revisedDate, result.Rejection?.ToString());
                return DelayRecording.Refused($"Order {order.OrderId}: the delay to {revisedDate:yyyy-MM-dd} was refused ({result.Rejection}) and no notice was sent before.");
            }

            var next = result.Case;
            var acceptLink = next.ConsentDeadline is { } deadline ? links.Accept(order.OrderId, next.DelayCount, deadline) : null;
            var notice = DelayNotice.From(stored.Case, result, stored.CustomerId, links.Cancel(order.OrderId, next.DelayCount, now), acceptLink);
            var message = NotificationMessage.From(composer.Delayed(Context(shop, zone), notice), now);
            var body = NotificationMessageSerializer.Serialize(message);
            if (!await consents.TryWriteAsync(stored, next, body, [NotificationOutbox.Insert(partition, message)], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            LogDelayRecorded(logger, order.OrderId, revisedDate, result.Outcome);
            await outbox.TryPublishAsync(partition, message, cancellationToken).ConfigureAwait(false);
            return DelayRecording.Recorded(message.Notification);
        }
    }

    /// <summary>
    /// The customer's answer to the latest delay notice: <see cref="ConsentActions.Accept"/> (optionally bound to the
    /// notice number <paramref name="delayNumber"/>, as a link is) or <see cref="ConsentActions.Cancel"/>.
    /// </summary>
    public async Task<ConsentResponse> RespondAsync(string orderId, ConsentActions action, int? delayNumber, CancellationToken cancellationToken)
    {
        if (action is not (ConsentActions.Accept or ConsentActions.Cancel))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Answer with accept or cancel.");
        }

        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            var stored = await consents.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new ConsentResponse.NotFound(orderId);
            }

            var now = timeProvider.GetUtcNow();
            var result = action == ConsentActions.Accept ? stored.Case.Accept(now, delayNumber) : stored.Case.Cancel(now);
            if (result.IsRejected)
            {
                return new ConsentResponse.Rejected(orderId, result.Rejection!.Value);
            }

            if (!await consents.TryWriteAsync(stored, result.Case, stored.LastNotice, [], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (!result.RequiresFullRefund)
            {
                return new ConsentResponse.Accepted(orderId, result.Case.CurrentPromise);
            }

            var refund = await FinishCancellationAsync(stored with { Case = result.Case }, cancellationToken).ConfigureAwait(false);
            return new ConsentResponse.Cancelled(orderId, result.Case.CancellationReason!.Value, refund);
        }
    }

    /// <summary>Acts on a one-click link: verifies the token, checks it allows <paramref name="action"/>, then answers for its order.</summary>
    public async Task<ConsentResponse> RespondWithLinkAsync(string? token, ConsentActions? action, CancellationToken cancellationToken)
    {
        var verification = links.Verify(token, timeProvider.GetUtcNow());
        if (!verification.IsValid)
        {
            return new ConsentResponse.LinkRefused(verification.Status, ConsentLinkDetails.RefusalReason(verification.Status));
        }

        var claims = verification.Claims!;
        var chosen = action ?? (claims.Actions is ConsentActions.Accept or ConsentActions.Cancel ? claims.Actions : ConsentActions.None);
        if (!claims.Allows(chosen))
        {
            return new ConsentResponse.LinkRefused(ConsentLinkStatus.Valid, $"The link does not allow '{chosen}'.");
        }

        return await RespondAsync(claims.OrderId, chosen, chosen == ConsentActions.Accept ? claims.DelayNumber : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What a one-click link answers, without acting: the token's verdict and, for a valid link, the order's case and
    /// last delay notice (so a page can show the delay before the customer chooses).
    /// </summary>
    public async Task<ConsentLinkDetails> DescribeLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var verification = links.Verify(token, timeProvider.GetUtcNow());
        if (!verification.IsValid)
        {
            return new ConsentLinkDetails(verification, null, null);
        }

        var stored = await consents.GetAsync(verification.Claims!.OrderId, cancellationToken).ConfigureAwait(false);
        var notice = stored?.LastNotice is { } body ? NotificationMessageSerializer.Deserialize(body).Notification : null;
        return new ConsentLinkDetails(verification, stored?.Case, notice);
    }

    /// <summary>
    /// Finishes a cancellation the flow decided (the case is stored cancelled): cancels the order through the orders
    /// use case, then removes the case's index row together with the "cancelled and refunded" notice. Idempotent;
    /// returns the refund due.
    /// </summary>
    public async Task<Domain.Common.Money?> FinishCancellationAsync(StoredConsent cancelled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        var reason = cancelled.Case.CancellationReason ?? throw new InvalidOperationException($"Order {cancelled.Case.OrderId}'s delay-consent case is not cancelled.");
        var text = reason == DelayCancellationReason.CustomerCancelled
            ? "Cancelled by the customer after a delay notice."
            : "Cancelled: the customer did not consent to the delay by the deadline.";
        var outcome = await cancel.CancelWithoutNoticeAsync(cancelled.Case.OrderId, new CancelOrderRequest(text), cancellationToken).ConfigureAwait(false);
        var order = (await orders.GetAsync(cancelled.Case.OrderId, cancellationToken).ConfigureAwait(false))?.Order;
        if (outcome is not CancelOrderResult.Cancelled || order?.RefundDue is not { } refund)
        {
            // Nothing left to cancel (the order is gone, or no longer cancellable): only the index row goes.
            LogNothingToCancel(logger, cancelled.Case.OrderId, outcome.GetType().Name);
            await consents.TryFinishCancellationAsync(cancelled, [], cancellationToken).ConfigureAwait(false);
            return null;
        }

        var shop = await RequireShopAsync(cancellationToken).ConfigureAwait(false);
        var cause = reason == DelayCancellationReason.CustomerCancelled ? CancellationCause.CustomerRequest : CancellationCause.NoConsentToDelay;
        var now = timeProvider.GetUtcNow();
        var notification = composer.CancelledAndRefunded(Context(shop, TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId)), order.Id, order.CustomerId, refund, cause);
        var message = NotificationMessage.From(notification, now);
        if (await consents.TryFinishCancellationAsync(cancelled, [NotificationOutbox.Insert(cancelled.Partition, message)], cancellationToken).ConfigureAwait(false))
        {
            await outbox.TryPublishAsync(cancelled.Partition, message, cancellationToken).ConfigureAwait(false);
        }

        return refund;
    }

    private async Task<ShopSettings> RequireShopAsync(CancellationToken cancellationToken) =>
        await shops.GetAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("The shop is not configured (PUT /api/shop): its time zone and locale are needed.");

    private static NotificationContext Context(ShopSettings shop, TimeZoneInfo zone) => new(shop.Locale, zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the delay to {RevisedDate} was refused ({Rejection}) with no notice sent before; nothing is sent.")]
    private static partial void LogDelayRefused(ILogger logger, string orderId, DateOnly revisedDate, string? rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} delayed to {RevisedDate}: {Outcome}.")]
    private static partial void LogDelayRecorded(ILogger logger, string orderId, DateOnly revisedDate, DelayConsentOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: the delay flow cancelled it but the order could not be cancelled ({Outcome}).")]
    private static partial void LogNothingToCancel(ILogger logger, string orderId, string outcome);
}
