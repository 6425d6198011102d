using System.Text.Json;
using Presale.Application.Common;
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
/// per newly restocked unit (on-hand supply + reconcile message) and per new supplier claim; and once every unit is
/// decided, the return's one refund (<see cref="RefundCalculator"/>, recorded with <see cref="ReturnRequest.RecordRefund"/>)
/// and its "return decided" notification.
/// </summary>
public sealed class ReturnSettlement(ReturnsOptions options, NotificationsOptions notifications, ShopSettingsStore shops, NotificationComposer composer)
{
    private readonly RefundPolicy _refunds = options.RefundPolicy();

    /// <summary>
    /// Settles <paramref name="request"/> after a transition from the state whose unit decisions were
    /// <paramref name="decidedBefore"/> and claims <paramref name="claimsBefore"/>; returns the outbox rows to write.
    /// </summary>
    public async Task<IReadOnlyList<ReturnEffect>> SettleAsync(
        ReturnRequest request, IReadOnlySet<ReturnUnitId> decidedBefore, IReadOnlySet<string> claimsBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decidedBefore);
        ArgumentNullException.ThrowIfNull(claimsBefore);
        var effects = new List<ReturnEffect>();
        foreach (var unit in request.Units.Where(u => u.IsDecided && !decidedBefore.Contains(u.Id) && u.Decision!.Action == TriageAction.Restock))
        {
            var body = JsonSerializer.Serialize(new ReturnRestockedMessage(ReturnRestockedMessage.Restocked, request.Id, request.OrderId, unit.Id.ToString(), [unit.Id.Sku.Value], now), PresaleJson.Options);
            effects.Add(new ReturnEffect($"{request.Id}-{unit.Id}-restocked", ReturnEffectKind.Restock, unit.Id.Sku.Value, ReturnRestockedMessage.Restocked, body, request.Id, now));
        }

        foreach (var claim in request.SupplierClaims.Where(c => !claimsBefore.Contains(c.ClaimId)))
        {
            var record = new SupplierClaimRecord(
                claim.ClaimId, claim.SupplierId, null, claim.ReturnId, claim.OrderId, claim.UnitId.ToString(), claim.UnitId.Sku.Value, claim.Reason.ToString(),
                claim.Grade?.ToString(), claim.UnitValue.Amount, claim.UnitValue.Currency, claim.WarrantyUntil, claim.DecidedBy, claim.CreatedAt);
            effects.Add(new ReturnEffect($"{claim.ClaimId}-claim", ReturnEffectKind.SupplierClaim, claim.SupplierId, "return.supplier-claim", JsonSerializer.Serialize(record, PresaleJson.Options), request.Id, now));
        }

        if (request.Status == ReturnStatus.Triaged)
        {
            var refund = RefundCalculator.Calculate(request, _refunds, Money.Zero(request.Currency));
            var recorded = request.RecordRefund(refund, now);
            if (!recorded.IsSuccess)
            {
                throw new InvalidOperationException($"Recording the refund of return {request.Id} was refused: {recorded.Error!.Message}");
            }

            var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The shop settings are missing; a return cannot have been accepted without them.");
            var context = new NotificationContext(shop.Locale, TimeZoneInfo.FindSystemTimeZoneById(shop.TimeZoneId));
            var notification = composer.ReturnDecided(context, request.OrderId, request.CustomerId, request.Id, ReturnDecision.Refund, refund.Total);
            var message = NotificationMessage.From(notification, now).ToOutboundMessage(request.Id);
            effects.Add(new ReturnEffect(message.MessageId, ReturnEffectKind.Publish, notifications.Queue, message.Subject ?? string.Empty, message.Body, request.Id, now));
        }

        return effects;
    }

    /// <summary>The units decided (finally) in <paramref name="request"/>, to pass to <see cref="SettleAsync"/> after a transition.</summary>
    public static IReadOnlySet<ReturnUnitId> Decided(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Units.Where(u => u.IsDecided).Select(u => u.Id).ToHashSet();
    }

    /// <summary>The claim ids of <paramref name="request"/>, to pass to <see cref="SettleAsync"/> after a transition.</summary>
    public static IReadOnlySet<string> Claims(ReturnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.SupplierClaims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
    }
}
