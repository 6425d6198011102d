using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Domain.Tests.Payments;

public sealed class PaymentLedgerTests
{
    private static readonly DateOnly Ordered = new(2026, 3, 2);
    private static readonly DateOnly Ready = new(2026, 5, 11);
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Money Eur(decimal amount) => new(amount, "EUR");

    private static PaymentSchedule Schedule() =>
        PaymentSchedule.Plan(Ordered, [new ScheduledLine(1, 1, Eur(200m), PaymentPlan.DepositOfPercent(25m), Ready)], Eur(0m));

    private static PaymentOutcome Captured(string id, string instalment, decimal amount) =>
        new(id, instalment, PaymentOutcomeKind.Captured, Eur(amount), null, T0, null);

    [Fact]
    public void Record_TheSameOutcomeTwice_IsAReplayThatChangesNothing()
    {
        var ledger = new PaymentLedger("EUR");
        var schedule = Schedule();

        Assert.Equal(PaymentRecordOutcome.Recorded, ledger.Record(Captured("p1", "1-deposit", 50m), schedule).Outcome);
        Assert.Equal(PaymentRecordOutcome.Replayed, ledger.Record(Captured("p1", "1-deposit", 50m), schedule).Outcome);
        Assert.Equal(Eur(50m), ledger.Captured);
        Assert.Single(ledger.Outcomes);
    }

    [Fact]
    public void Record_TheSamePaymentIdWithAnotherBody_IsAConflictOnPaymentId()
    {
        var ledger = new PaymentLedger("EUR");
        var schedule = Schedule();
        ledger.Record(Captured("p1", "1-deposit", 50m), schedule);

        var result = ledger.Record(Captured("p1", "1-deposit", 40m), schedule);

        Assert.Equal((PaymentRecordOutcome.Conflict, "paymentId"), (result.Outcome, result.Field));
        Assert.Equal(Eur(50m), ledger.Captured);
    }

    [Theory]
    [InlineData("1-full", 10, "EUR", null, "instalmentId")]
    [InlineData("1-deposit", 10, "USD", null, "currency")]
    [InlineData("1-deposit", 0, "EUR", null, "amount")]
    [InlineData("1-deposit", 50.001, "EUR", null, "amount")]
    [InlineData("1-deposit", 50.01, "EUR", null, "amount")]
    [InlineData("1-balance", 10, "EUR", "", "reasonCode")]
    public void Record_AnOutcomeTheScheduleCannotTake_IsInvalidOnItsField_AndChangesNothing(string instalment, double amount, string currency, string? failedWith, string field)
    {
        var ledger = new PaymentLedger("EUR");
        var kind = failedWith is null ? PaymentOutcomeKind.Captured : PaymentOutcomeKind.Failed;

        var result = ledger.Record(new PaymentOutcome("p1", instalment, kind, new Money((decimal)amount, currency), failedWith, T0, null), Schedule());

        Assert.Equal((PaymentRecordOutcome.Invalid, field), (result.Outcome, result.Field));
        Assert.Empty(ledger.Outcomes);
    }

    [Fact]
    public void Refund_OfACancelledDepositOrder_GivesBackTheDepositOnly_AndOnce()
    {
        var ledger = new PaymentLedger("EUR");
        ledger.Record(Captured("p1", "1-deposit", 50m), Schedule());

        Assert.Equal(Eur(50m), ledger.Refund("cancel", Eur(200m), T0));
        Assert.Equal(Eur(50m), ledger.Refund("cancel", Eur(200m), T0));
        Assert.Equal(Eur(0m), ledger.Refund("return-1", Eur(200m), T0));
        Assert.Equal(Eur(0m), ledger.Paid);
    }

    [Fact]
    public void ExpiringAuthorisation_AHoldThatLapsesBeforeTheBalanceFallsDue_IsFlagged_AndACaptureClearsIt()
    {
        var ledger = new PaymentLedger("EUR");
        var schedule = Schedule();
        var balance = schedule.Find("1-balance")!;
        ledger.Record(new PaymentOutcome("a1", "1-balance", PaymentOutcomeKind.Authorised, Eur(150m), null, T0, T0.AddDays(7)), schedule);
        var lasting = new PaymentLedger("EUR");
        lasting.Record(new PaymentOutcome("a1", "1-balance", PaymentOutcomeKind.Authorised, Eur(150m), null, T0, new DateTimeOffset(Ready.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), schedule);

        Assert.Equal("a1", ledger.ExpiringAuthorisation(balance)?.PaymentId);
        Assert.Null(lasting.ExpiringAuthorisation(balance));

        ledger.Record(Captured("p2", "1-balance", 150m), schedule);
        Assert.Null(ledger.ExpiringAuthorisation(balance));
    }

    [Fact]
    public void FailuresSinceCapture_CountsOnlyFailuresAfterTheLastCapture()
    {
        var ledger = new PaymentLedger("EUR");
        var schedule = Schedule();
        ledger.Record(new PaymentOutcome("f1", "1-balance", PaymentOutcomeKind.Failed, Eur(150m), "insufficient_funds", T0, null), schedule);
        ledger.Record(new PaymentOutcome("c1", "1-balance", PaymentOutcomeKind.Captured, Eur(100m), null, T0.AddDays(1), null), schedule);
        ledger.Record(new PaymentOutcome("f2", "1-balance", PaymentOutcomeKind.Failed, Eur(50m), "card_expired", T0.AddDays(2), null), schedule);

        Assert.Equal(["f2"], ledger.FailuresSinceCapture("1-balance").Select(o => o.PaymentId));
        Assert.Equal(Eur(50m), ledger.Outstanding(schedule.Find("1-balance")!));
    }
}
