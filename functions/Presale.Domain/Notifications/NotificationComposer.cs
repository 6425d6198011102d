using Presale.Domain.Common;
using Presale.Domain.Compensation;

namespace Presale.Domain.Notifications;

/// <summary>
/// Builds <see cref="Notification"/>s: structured fields, a de-duplication key (<see cref="NotificationKeys"/>) and
/// text rendered from <see cref="NotificationTemplates"/> in the shop's locale, with dates and money formatted for it.
/// Pure: the same inputs give the same notification.
/// </summary>
public sealed class NotificationComposer
{

    private readonly NotificationTemplates _templates;

    /// <summary>Uses <paramref name="templates"/>, or the built-in English and Simplified Chinese ones.</summary>
    public NotificationComposer(NotificationTemplates? templates = null) => _templates = templates ?? NotificationTemplates.Default;

    /// <summary>The order was placed with promise <paramref name="promisedDate"/>.</summary>
    public Notification OrderConfirmed(NotificationContext shop, string orderId, string customerId, DateOnly promisedDate)
    {
        var r = Start(shop, orderId, customerId);
        r.Set("promisedDate", r.Date(promisedDate));
        return r.Build(NotificationKind.OrderConfirmed, NotificationKeys.OrderConfirmed(orderId), "OrderConfirmed", "OrderConfirmed.Body") with
        {
            PromisedDate = promisedDate,
        };
    }

    /// <summary>The promise <paramref name="promisedDate"/> is at risk; one notice per promised date.</summary>
    public Notification AtRisk(NotificationContext shop, string orderId, string customerId, DateOnly promisedDate)
    {
        var r = Start(shop, orderId, customerId);
        r.Set("promisedDate", r.Date(promisedDate));
        return r.Build(NotificationKind.AtRisk, NotificationKeys.AtRisk(orderId, promisedDate), "AtRisk", "AtRisk.Body") with
        {
            PromisedDate = promisedDate,
        };
    }

    /// <summary>
    /// The order is delayed: the revised date, the right to cancel for a full refund (with its link), and when consent
    /// is required the deadline and the accept link.
    /// </summary>
    public Notification Delayed(NotificationContext shop, DelayNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.ConsentRequired && notice.AcceptLink is null)
        {
            throw new ArgumentException("A delay that needs consent must offer an accept link.", nameof(notice));
        }

        var r = Start(shop, notice.OrderId, notice.CustomerId);
        r.Set("previousDate", r.Date(notice.PreviousDate));
        r.Set("revisedDate", r.Date(notice.RevisedDate));
        r.Set("cancelLink", notice.CancelLink.AbsoluteUri);
        var links = new List<NotificationLink>();
        var lines = new List<string>();
        if (notice.ConsentDeadline is { } deadline)
        {
            r.Set("deadline", r.Instant(deadline));
            r.Set("acceptLink", notice.AcceptLink!.AbsoluteUri);
            lines.Add("Delayed.Body.ConsentRequired");
            lines.Add("Delayed.AcceptLink");
            links.Add(new(NotificationLink.AcceptDelay, notice.AcceptLink));
        }
        else
        {
            lines.Add("Delayed.Body.Silence");
        }

        lines.Add("Delayed.CancelLink");
        links.Add(new(NotificationLink.CancelOrder, notice.CancelLink));
        return r.Build(NotificationKind.Delayed, NotificationKeys.Delayed(notice.OrderId, notice.DelayNumber), "Delayed", [.. lines]) with
        {
            PromisedDate = notice.PreviousDate,
            RevisedDate = notice.RevisedDate,
            DelayNumber = notice.DelayNumber,
            ConsentRequired = notice.ConsentRequired,
            ConsentDeadline = notice.ConsentDeadline,
            Links = links,
        };
    }

    /// <summary>A compensation tier was issued (see <see cref="CompensationPolicy.Assess"/>).</summary>
    public Notification CompensationIssued(NotificationContext shop, CompensationAward award)
    {
        ArgumentNullException.ThrowIfNull(award);
        var r = Start(shop, award.OrderId, award.CustomerId);
        r.Set("amount", r.Money(award.Amount));
        var body = award.Kind == CompensationKind.StoreCredit ? "CompensationIssued.Body.StoreCredit" : "CompensationIssued.Body.Coupon";
        return r.Build(
            NotificationKind.CompensationIssued,
            NotificationKeys.CompensationIssued(award.OrderId, award.Tier),
            "CompensationIssued",
            body) with
        {
            Amount = award.Amount,
            CompensationKind = award.Kind,
            CompensationTier = award.Tier,
        };
    }

    /// <summary>The order became ready to ship on <paramref name="readyDate"/> (shop-local).</summary>
    public Notification ReadyToShip(NotificationContext shop, string orderId, string customerId, DateOnly readyDate)
    {
        var r = Start(shop, orderId, customerId);
        r.Set("readyDate", r.Date(readyDate));
        return r.Build(NotificationKind.ReadyToShip, NotificationKeys.ReadyToShip(orderId), "ReadyToShip", "ReadyToShip.Body") with
        {
            ReadyDate = readyDate,
        };
    }

    /// <summary>The order was cancelled for <paramref name="cause"/> and <paramref name="refund"/> is refunded in full.</summary>
    public Notification CancelledAndRefunded(
        NotificationContext shop, string orderId, string customerId, Money refund, CancellationCause cause)
    {
        if (!Enum.IsDefined(cause))
        {
            throw new ArgumentOutOfRangeException(nameof(cause), cause, "Unknown cancellation cause.");
        }

        var r = Start(shop, orderId, customerId);
        r.Set("amount", r.Money(refund));
        return r.Build(
            NotificationKind.CancelledAndRefunded,
            NotificationKeys.CancelledAndRefunded(orderId),
            "CancelledAndRefunded",
            $"CancelledAndRefunded.Body.{cause}") with
        {
            Amount = refund,
            CancellationCause = cause,
        };
    }

    /// <summary>
    /// Return <paramref name="returnId"/> was decided. <paramref name="amount"/> is required for a refund or store credit.
    /// </summary>
    public Notification ReturnDecided(
        NotificationContext shop, string orderId, string customerId, string returnId, ReturnDecision decision, Money? amount)
    {
        if (Identifier.Validate(returnId, "The return id") is { } error)
        {
            throw new ArgumentException(error, nameof(returnId));
        }

        if (!Enum.IsDefined(decision))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown return decision.");
        }

        if (decision is ReturnDecision.Refund or ReturnDecision.StoreCredit && amount is null)
        {
            throw new ArgumentException($"A {decision} decision needs an amount.", nameof(amount));
        }

        var r = Start(shop, orderId, customerId);
        r.Set("returnId", returnId);
        r.Set("amount", amount is { } a ? r.Money(a) : string.Empty);
        return r.Build(
            NotificationKind.ReturnDecided,
            NotificationKeys.ReturnDecided(orderId, returnId),
            "ReturnDecided",
            $"ReturnDecided.Body.{decision}") with
        {
            ReturnId = returnId,
            ReturnDecision = decision,
            Amount = amount,
        };
    }

    private Rendering Start(NotificationContext shop, string orderId, string customerId)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(shop.TimeZone);
        if (Identifier.Validate(orderId, "The order id") is { } orderError)
        {
            throw new ArgumentException(orderError, nameof(orderId));
        }

        if (Identifier.Validate(customerId, "The customer id") is { } customerError)
        {
            throw new ArgumentException(customerError, nameof(customerId));
        }

        return new Rendering(_templates, _templates.Resolve(shop.Locale), shop.TimeZone, orderId, customerId);
    }

    /// <summary>One notification being rendered: its locale, culture and placeholder values.</summary>
    private sealed class Rendering
    {
        private readonly NotificationTemplates _templates;
        private readonly string _locale;
        private readonly TimeZoneInfo _zone;
        private readonly string _orderId;
        private readonly string _customerId;
        private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

        public Rendering(NotificationTemplates templates, string locale, TimeZoneInfo zone, string orderId, string customerId)
        {
            _templates = templates;
            _locale = locale;
            _zone = zone;
            _orderId = orderId;
            _customerId = customerId;
            _values["orderId"] = orderId;
        }

        public void Set(string name, string value) => _values[name] = value;

        public string Date(DateOnly date) => _templates.FormatDate(_locale, date);

        public string Instant(DateTimeOffset instant) => _templates.FormatInstant(_locale, instant, _zone);

        public string Money(Money money) => _templates.FormatMoney(_locale, money);

        public Notification Build(NotificationKind kind, string key, string titlePrefix, params string[] bodyLines) => new()
        {
            Kind = kind,
            OrderId = _orderId,
            CustomerId = _customerId,
            DeduplicationKey = key,
            Locale = _locale,
            Title = _templates.Render(_locale, titlePrefix + ".Title", _values),
            Text = string.Join('\n', bodyLines.Select(id => _templates.Render(_locale, id, _values))),
        };
    }
}
