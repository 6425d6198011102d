using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>
/// What an order's customer has paid: the outcomes the shop's payment system reported (idempotent by payment id) and
/// the refunds given out of them. Refunds never exceed what was captured; a capture never exceeds what an instalment
/// still owes; an outcome the schedule does not know is refused with the field at fault and changes nothing.
/// </summary>
public sealed class PaymentLedger
{
    private readonly List<PaymentOutcome> _outcomes;
    private readonly List<PaymentRefund> _refunds;

    /// <summary>A ledger holding <paramref name="outcomes"/> and <paramref name="refunds"/> (empty for a new order).</summary>
    public PaymentLedger(string currency, IEnumerable<PaymentOutcome>? outcomes = null, IEnumerable<PaymentRefund>? refunds = null)
    {
        Currency = Money.Zero(currency).Currency;
        _outcomes = [.. outcomes ?? []];
        _refunds = [.. refunds ?? []];
    }

    /// <summary>The order's currency.</summary>
    public string Currency { get; }

    /// <summary>Every outcome recorded, in the order recorded.</summary>
    public IReadOnlyList<PaymentOutcome> Outcomes => _outcomes.AsReadOnly();

    /// <summary>Every refund given, in the order given.</summary>
    public IReadOnlyList<PaymentRefund> Refunds => _refunds.AsReadOnly();

    /// <summary>Everything captured.</summary>
    public Money Captured => Sum(_outcomes.Where(o => o.Kind == PaymentOutcomeKind.Captured).Select(o => o.Amount));

    /// <summary>Everything refunded.</summary>
    public Money Refunded => Sum(_refunds.Select(r => r.Amount));

    /// <summary>What the customer has paid and not had back: the most any further refund can be.</summary>
    public Money Paid => Captured - Refunded;

    /// <summary>What was captured for <paramref name="instalmentId"/>.</summary>
    public Money CapturedFor(string instalmentId) =>
        Sum(_outcomes.Where(o => o.Kind == PaymentOutcomeKind.Captured && o.InstalmentId == instalmentId).Select(o => o.Amount));

    /// <summary>What <paramref name="instalment"/> still owes.</summary>
    public Money Outstanding(Instalment instalment)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        return Money.Max(Money.Zero(Currency), instalment.Amount - CapturedFor(instalment.Id));
    }

    /// <summary>The failed attempts on <paramref name="instalmentId"/> since its last capture, oldest first (what dunning counts).</summary>
    public IReadOnlyList<PaymentOutcome> FailuresSinceCapture(string instalmentId)
    {
        var mine = _outcomes.Where(o => o.InstalmentId == instalmentId).OrderBy(o => o.At).ToList();
        var lastCapture = mine.FindLastIndex(o => o.Kind == PaymentOutcomeKind.Captured);
        return [.. mine.Skip(lastCapture + 1).Where(o => o.Kind == PaymentOutcomeKind.Failed)];
    }

    /// <summary>
    /// The latest authorisation (or capture with a hold) on <paramref name="instalment"/> when its hold lapses before
    /// the instalment falls due (start of its due day in UTC, or <paramref name="dueAt"/> when given): the shop must
    /// re-authorise. Null when there is no such hold or it lasts.
    /// </summary>
    public PaymentOutcome? ExpiringAuthorisation(Instalment instalment, DateTimeOffset? dueAt = null)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        var due = dueAt ?? new DateTimeOffset(instalment.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var hold = _outcomes.Where(o => o.InstalmentId == instalment.Id && o.Kind == PaymentOutcomeKind.Authorised).MaxBy(o => o.At);
        return hold is { AuthorisationExpiresAt: { } expires } && expires < due && Outstanding(instalment) > Money.Zero(Currency) ? hold : null;
    }

    /// <summary>
    /// Records <paramref name="outcome"/> against <paramref name="schedule"/>: the same payment id with the same outcome
    /// is a replay, with another outcome a conflict; an unknown instalment, another currency, a non-positive amount, a
    /// capture beyond what the instalment owes or a failure without a reason code is invalid. Only a recorded outcome
    /// changes the ledger.
    /// </summary>
    public PaymentRecordResult Record(PaymentOutcome outcome, PaymentSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(schedule);
        if (_outcomes.FirstOrDefault(o => o.PaymentId == outcome.PaymentId) is { } earlier)
        {
            return earlier == outcome
                ? new PaymentRecordResult(PaymentRecordOutcome.Replayed)
                : new PaymentRecordResult(PaymentRecordOutcome.Conflict, $"Payment {outcome.PaymentId} was recorded with another outcome.", "paymentId");
        }

        var problem = schedule.Find(outcome.InstalmentId) is not { } instalment ? ("instalmentId", $"The order has no instalment {outcome.InstalmentId}.")
            : outcome.Amount.Currency != Currency ? ("currency", $"The order is paid in {Currency}, not {outcome.Amount.Currency}.")
            : outcome.Amount.Amount <= 0m ? ("amount", "An amount is more than zero.")
            : decimal.Round(outcome.Amount.Amount, Currencies.MinorUnits(Currency)) != outcome.Amount.Amount ? ("amount", $"{Currency} amounts have at most {Currencies.MinorUnits(Currency)} decimals.")
            : outcome.Kind != PaymentOutcomeKind.Failed && outcome.Amount > Outstanding(instalment) ? ("amount", $"Instalment {instalment.Id} owes {Outstanding(instalment).Amount}, not {outcome.Amount.Amount}.")
            : outcome.Kind == PaymentOutcomeKind.Failed && string.IsNullOrWhiteSpace(outcome.ReasonCode) ? ("reasonCode", "A failed payment names its reason code.")
            : ((string Field, string Message)?)null;
        if (problem is { } p)
        {
            return new PaymentRecordResult(PaymentRecordOutcome.Invalid, p.Message, p.Field);
        }

        _outcomes.Add(outcome);
        return new PaymentRecordResult(PaymentRecordOutcome.Recorded);
    }

    /// <summary>
    /// Refunds up to <paramref name="owed"/> (what a cancellation or return says is due) out of what was paid, once per
    /// <paramref name="refundId"/>: the refund is the smaller of the two, so a customer who paid a deposit gets the
    /// deposit back, never the price of goods not yet paid for. Returns what is refunded (the earlier amount on a repeat).
    /// </summary>
    public Money Refund(string refundId, Money owed, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(refundId);
        if (_refunds.FirstOrDefault(r => r.RefundId == refundId) is { } given)
        {
            return given.Amount;
        }

        var amount = Money.Max(Money.Zero(Currency), Money.Min(owed, Paid));
        if (amount > Money.Zero(Currency))
        {
            _refunds.Add(new PaymentRefund(refundId, amount, at));
        }

        return amount;
    }

    private Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(Currency), (sum, m) => sum + m);
}
