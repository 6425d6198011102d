using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Notifications;
using Presale.Application.Shop;
using Presale.Domain.Common;
using Presale.Domain.Notifications;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>
/// What follows a return's transition, computed before it is written so it joins the same transaction: an outbox row
/// per newly restocked unit (on-hand supply + reconcile message) and per new supplier claim; once every unit is
/// decided, the return's one refund (<see cref="RefundCalculator"/>, recorded with <see cref="ReturnRequest.RecordRefund"/>)
/// and its "return decided: refund" notification — or, when a reviewer rejected every unit, the return closed and a
/// "return decided: rejected" notification; for a return rejected at intake, the "rejected" notification; and for a
/// cancelled return, the release of its units on the order. A refund that adds original shipping (the shop at fault)
/// adds what <see cref="OriginalShippingRefunds"/> claimed for it on the order first, so the order's returns together
/// never refund more shipping than was charged. A receipt also writes its <c>return.received</c> integration event
/// while integration events are on (<paramref name="events"/>).
/// </summary>
public sealed class ReturnSettlement(
    ReturnsOptions options,
    NotificationsOptions notifications,
    ShopSettingsStore shops,
    NotificationComposer composer,
    OriginalShippingRefunds shipping,
    IntegrationEventsOptions events)
{
    private readonly RefundPolicy _refunds = options.RefundPolicy();

    /// <summary>
    /// Settles <paramref name="request"/> after a transition from <paramref name="before"/>; returns the outbox rows to
    /// write with it.
    /// </summary>
    public async Task<IReadOnlyList<ReturnEffect>> SettleAsync(ReturnRequest request, ReturnBaseline before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(before);
        var effects = new List<ReturnEffect>();
        if (events.Enabled && request.Units.Where(u => u.IsReceived && !before.Received.Contains(u.Id)).ToList() is { Count: > 0 } units)
        {
            var received = ReturnEvents.Received(request, units, now);
            effects.Add(new ReturnEffect(received.Key, ReturnEffectKind.IntegrationEvent, received.Type, received.Type, received.ToStored(), request.Id, now));
        }

        foreach (var unit in request.Units.Where(u => u.IsDecided && !before.Decided.Contains(u.Id) && u.Decision!.Action == TriageAction.Restock))
        {
            var body = JsonSerializer.Serialize(new ReturnRestockedMessage(ReturnRestockedMessage.Restocked, request.Id, request.OrderId, unit.Id.ToString(), [unit.Id.Sku.Value], now), PresaleJson.Options);
            effects.Add(new ReturnEffect($"{request.Id}-{unit.Id}-restocked", ReturnEffectKind.Restock, unit.Id.Sku.Value, ReturnRestockedMessage.Restocked, body, request.Id, now));
        }

        foreach (var claim in request.SupplierClaims.Where(c => !before.Claims.Contains(c.ClaimId)))
        {
            var record = new SupplierClaimRecord(
                claim.ClaimId, claim.SupplierId, null, claim.ReturnId, claim.OrderId, claim.UnitId.ToString(), claim.UnitId.Sku.Value, claim.Reason.ToString(),
                claim.Grade?.ToString(), claim.UnitValue.Amount, claim.UnitValue.Currency, claim.WarrantyUntil, claim.DecidedBy, claim.CreatedAt);
            effects.Add(new ReturnEffect($"{claim.ClaimId}-claim", ReturnEffectKind.SupplierClaim, claim.SupplierId, "return.supplier-claim", JsonSerializer.Serialize(record, PresaleJson.Options), request.Id, now));
        }

        if (request.Status == ReturnStatus.Triaged && before.Status != ReturnStatus.Triaged)
        {
            effects.Add(await SettleTriagedAsync(request, now, cancellationToken).ConfigureAwait(false));
        }
        else if (request.Status == ReturnStatus.Rejected && before.Status != ReturnStatus.Rejected)
        {
            effects.Add(await NoticeAsync(request, ReturnDecision.Rejected, null, now, cancellationToken).ConfigureAwait(false));
        }
        else if (request.Status == ReturnStatus.Cancelled && before.Status != ReturnStatus.Cancelled)
        {
            effects.Add(new ReturnEffect($"{request.Id}-release", ReturnEffectKind.ReleaseUnits, request.OrderId, "return.cancelled", request.Id, request.Id, now));
        }

        return effects;
    }

    // Every unit decided: the refund (recorded with the return) and its notice; or, when a reviewer rejected every unit,
    // nothing to refund: the return is closed and the customer told it was rejected.
    private async Task<ReturnEffect> SettleTriagedAsync(ReturnRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.Units.All(u => u.IsRejected))
        {
            Require(request, request.Close("Every unit was rejected on inspection; nothing is refunded.", now));
            return await NoticeAsync(request, ReturnDecision.Rejected, null, now, cancellationToken).ConfigureAwait(false);
        }

        // Claimed before the refund is written: the claim is the order's guard, keyed by this return, so a retry of this
        // settlement adds the same amount and another return of the order cannot add it again.
        var shippingStillRefundable = _refunds.RefundsOriginalShipping(request)
            ? await shipping.ClaimAsync(request, cancellationToken).ConfigureAwait(false)
            : Money.Zero(request.Currency);
        var refund = RefundCalculator.Calculate(request, _refunds, shippingStillRefundable);
        Require(request, request.RecordRefund(refund, now));
        return await NoticeAsync(request, ReturnDecision.Refund, refund.Total, now, cancellationToken).ConfigureAwait(false);
    }

    // The "return decided" notice for the customer, as an outbox row (idempotent by its de-duplication key).
    private async Task<ReturnEffect> NoticeAsync(ReturnRequest request, ReturnDecision decision, Money? amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The shop settings are missing; a return cannot have been accepted without them.");
        var context = new NotificationContext(shop.Locale, TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId));
        var notification = composer.ReturnDecided(context, request.OrderId, request.CustomerId, request.Id, decision, amount);
        var message = NotificationMessage.From(notification, now).ToOutboundMessage(request.Id);
        return new ReturnEffect(message.MessageId, ReturnEffectKind.Publish, notifications.Queue, message.Subject ?? string.Empty, message.Body, request.Id, now);
    }

    private static void Require(ReturnRequest request, ReturnResult result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Settling return {request.Id} was refused: {result.Error!.Message}");
        }
    }
}
