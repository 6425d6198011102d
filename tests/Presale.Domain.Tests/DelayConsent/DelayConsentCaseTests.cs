using Presale.Domain.Compensation;
using Presale.Domain.DelayConsent;

namespace Presale.Domain.Tests.DelayConsent;

public sealed class DelayConsentCaseTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Original = new(2026, 6, 30);
    private static readonly DelayConsentPolicy Ftc = DelayConsentPolicy.FtcDefault;

    /// <summary>10:00 Berlin time on <paramref name="date"/>.</summary>
    private static DateTimeOffset At(DateOnly date) => ShopCalendar.StartOfDay(date, Berlin).AddHours(10);

    /// <summary>A notice sent 20 days before the original promise.</summary>
    private static readonly DateTimeOffset Early = At(Original.AddDays(-20));

    private static DelayConsentCase Open() => DelayConsentCase.Open("o-1", Original);

    private static DelayConsentCase Applied(DelayConsentResult result)
    {
        Assert.False(result.IsRejected, $"Rejected: {result.Rejection}");
        return result.Case;
    }

    [Fact]
    public void NotifyDelay_FirstShortDelay_SilenceCountsAsConsent()
    {
        var result = Open().NotifyDelay(Original.AddDays(10), Early, Berlin, Ftc);

        Assert.Equal(DelayConsentOutcome.DelayAcceptedBySilence, result.Outcome);
        Assert.Equal(DelayConsentStatus.Delayed, result.Case.Status);
        Assert.Equal(Original.AddDays(10), result.Case.CurrentPromise);
        Assert.Equal(ConsentBasis.Silence, result.Case.ConsentBasis);
        Assert.Equal(1, result.Case.DelayCount);
        Assert.Null(result.Case.ConsentDeadline);
        Assert.False(result.NoticeWasLate);
        Assert.False(result.RequiresFullRefund);
    }

    [Theory]
    [InlineData(30, DelayConsentOutcome.DelayAcceptedBySilence)]
    [InlineData(31, DelayConsentOutcome.ConsentRequested)]
    public void NotifyDelay_SilenceLimit_IsThirtyDaysPastTheOriginalPromise(int daysPastOriginal, DelayConsentOutcome expected)
    {
        var result = Open().NotifyDelay(Original.AddDays(daysPastOriginal), Early, Berlin, Ftc);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void NotifyDelay_LongDelay_WaitsForConsentUntilTheResponseWindowEnds()
    {
        var result = Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc);

        Assert.Equal(DelayConsentOutcome.ConsentRequested, result.Outcome);
        Assert.Equal(DelayConsentStatus.AwaitingConsent, result.Case.Status);
        Assert.Equal(Original.AddDays(45), result.Case.PendingRevisedDate);
        // The original promise stays in force until the customer agrees.
        Assert.Equal(Original, result.Case.CurrentPromise);
        // 7 days after the notice comes before the promise passes (20 days away).
        Assert.Equal(Early.AddDays(7), result.Case.ConsentDeadline);
    }

    [Fact]
    public void NotifyDelay_LongDelayCloseToThePromise_DeadlineIsWhenThePromisePasses()
    {
        var now = At(Original.AddDays(-2));

        var result = Open().NotifyDelay(Original.AddDays(45), now, Berlin, Ftc);

        // Local midnight after the promised date (CEST, so 22:00 UTC), earlier than now + 7 days.
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), result.Case.ConsentDeadline);
    }

    [Fact]
    public void Accept_BeforeTheDeadline_RecordsTheNewDateWithExpressConsent()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));

        var result = awaiting.Accept(Early.AddDays(1), delayNumber: 1);

        Assert.Equal(DelayConsentOutcome.ConsentAccepted, result.Outcome);
        Assert.Equal(DelayConsentStatus.Delayed, result.Case.Status);
        Assert.Equal(Original.AddDays(45), result.Case.CurrentPromise);
        Assert.Equal(Original, result.Case.OriginalPromise);
        Assert.Equal(ConsentBasis.Express, result.Case.ConsentBasis);
        Assert.Null(result.Case.PendingRevisedDate);
        Assert.Null(result.Case.ConsentDeadline);
    }

    [Fact]
    public void Accept_AtTheDeadline_IsTooLate_AndCancelsForAFullRefund()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));

        var result = awaiting.Accept(awaiting.ConsentDeadline!.Value);

        Assert.Equal(DelayConsentOutcome.CancelledForNoConsent, result.Outcome);
        Assert.Equal(DelayCancellationReason.NoConsentByDeadline, result.Case.CancellationReason);
        Assert.True(result.RequiresFullRefund);
    }

    [Fact]
    public void Accept_WithALinkForAnEarlierNotice_IsRejectedAsStale()
    {
        var first = Applied(Open().NotifyDelay(Original.AddDays(5), Early, Berlin, Ftc));
        var second = Applied(first.NotifyDelay(Original.AddDays(9), Early.AddDays(1), Berlin, Ftc));

        var result = second.Accept(Early.AddDays(2), delayNumber: 1);

        Assert.Equal(DelayConsentRejection.StaleDelayNotice, result.Rejection);
        Assert.Same(second, result.Case);
    }

    [Fact]
    public void ExpireConsent_SilenceOnALongDelay_CancelsAtTheDeadlineNotBefore()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));
        var deadline = awaiting.ConsentDeadline!.Value;

        var early = awaiting.ExpireConsent(deadline.AddTicks(-1));
        var due = awaiting.ExpireConsent(deadline);

        Assert.Equal(DelayConsentRejection.DeadlineNotReached, early.Rejection);
        Assert.Equal(DelayConsentStatus.AwaitingConsent, early.Case.Status);
        Assert.Equal(DelayConsentOutcome.CancelledForNoConsent, due.Outcome);
        Assert.Equal(DelayConsentStatus.Cancelled, due.Case.Status);
        Assert.True(due.RequiresFullRefund);
    }

    [Fact]
    public void ExpireConsent_WhenSilenceWasConsent_HasNothingToExpire()
    {
        var delayed = Applied(Open().NotifyDelay(Original.AddDays(10), Early, Berlin, Ftc));

        var result = delayed.ExpireConsent(At(Original.AddDays(60)));

        Assert.Equal(DelayConsentRejection.NoConsentPending, result.Rejection);
        Assert.Equal(DelayConsentStatus.Delayed, result.Case.Status);
    }

    [Fact]
    public void Cancel_AtAnyNotifiedDelay_CancelsForAFullRefund()
    {
        var silent = Applied(Open().NotifyDelay(Original.AddDays(10), Early, Berlin, Ftc));
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));
        var accepted = Applied(awaiting.Accept(Early.AddHours(1)));

        foreach (var state in new[] { silent, awaiting, accepted })
        {
            var result = state.Cancel(Early.AddHours(2));

            Assert.Equal(DelayConsentOutcome.CancelledByCustomer, result.Outcome);
            Assert.Equal(DelayCancellationReason.CustomerCancelled, result.Case.CancellationReason);
            Assert.True(result.RequiresFullRefund);
        }
    }

    [Fact]
    public void Cancel_WithoutADelay_IsLeftToTheOrder()
    {
        var result = Open().Cancel(Early);

        Assert.Equal(DelayConsentRejection.NoDelayNotified, result.Rejection);
    }

    [Fact]
    public void NotifyDelay_SecondDelay_NeedsConsentEvenWhenShort()
    {
        var first = Applied(Open().NotifyDelay(Original.AddDays(3), Early, Berlin, Ftc));
        var now = At(Original.AddDays(1));

        var result = first.NotifyDelay(Original.AddDays(5), now, Berlin, Ftc);

        Assert.Equal(DelayConsentOutcome.ConsentRequested, result.Outcome);
        Assert.Equal(2, result.Case.DelayCount);
        // The first revised date stays in force until the customer agrees; the deadline is when it passes.
        Assert.Equal(Original.AddDays(3), result.Case.CurrentPromise);
        Assert.Equal(ShopCalendar.StartOfDay(Original.AddDays(4), Berlin), result.Case.ConsentDeadline);
        Assert.False(result.NoticeWasLate);
    }

    [Fact]
    public void NotifyDelay_AfterExpressConsent_NeedsConsentAgain()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(40), Early, Berlin, Ftc));
        var accepted = Applied(awaiting.Accept(Early.AddDays(1)));

        var result = accepted.NotifyDelay(Original.AddDays(42), At(Original.AddDays(20)), Berlin, Ftc);

        Assert.Equal(DelayConsentOutcome.ConsentRequested, result.Outcome);
        Assert.Equal(Original.AddDays(40), result.Case.CurrentPromise);
        Assert.Equal(Original.AddDays(42), result.Case.PendingRevisedDate);
        Assert.Equal(2, result.Case.DelayCount);
    }

    [Fact]
    public void NotifyDelay_WhileAwaitingConsent_ReplacesThePendingDateAndRestartsTheDeadline()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(40), Early, Berlin, Ftc));

        var result = awaiting.NotifyDelay(Original.AddDays(50), Early.AddDays(2), Berlin, Ftc);

        Assert.Equal(DelayConsentOutcome.ConsentRequested, result.Outcome);
        Assert.Equal(Original.AddDays(50), result.Case.PendingRevisedDate);
        Assert.Equal(Early.AddDays(9), result.Case.ConsentDeadline);
    }

    [Fact]
    public void NotifyDelay_AfterThePromisePassed_IsLate_AndNeedsConsent()
    {
        var now = At(Original.AddDays(2));

        var result = Open().NotifyDelay(Original.AddDays(10), now, Berlin, Ftc);

        Assert.True(result.NoticeWasLate);
        Assert.Equal(DelayConsentOutcome.ConsentRequested, result.Outcome);
        Assert.Equal(now.AddDays(7), result.Case.ConsentDeadline);
    }

    [Fact]
    public void NotifyDelay_LateNotice_CanBeAcceptedBySilenceWhenTheShopSaysSo()
    {
        var policy = Ftc with { LateNoticeRequiresConsent = false };

        var result = Open().NotifyDelay(Original.AddDays(10), At(Original.AddDays(2)), Berlin, policy);

        Assert.True(result.NoticeWasLate);
        Assert.Equal(DelayConsentOutcome.DelayAcceptedBySilence, result.Outcome);
    }

    [Fact]
    public void NotifyDelay_OnTheLastLocalMinuteOfThePromisedDay_IsStillInTime()
    {
        var lastMinute = ShopCalendar.PromisePassesAt(Original, Berlin).AddMinutes(-1);

        var inTime = Open().NotifyDelay(Original.AddDays(10), lastMinute, Berlin, Ftc);
        var late = Open().NotifyDelay(Original.AddDays(10), lastMinute.AddMinutes(1), Berlin, Ftc);

        Assert.Equal(DelayConsentOutcome.DelayAcceptedBySilence, inTime.Outcome);
        Assert.True(late.NoticeWasLate);
    }

    [Fact]
    public void NotifyDelay_ShopRequiringConsentForEveryDelay_AsksOnTheFirst()
    {
        var policy = Ftc with { ExpressConsentFromDelay = 1 };

        var result = Open().NotifyDelay(Original.AddDays(1), Early, Berlin, policy);

        Assert.Equal(DelayConsentOutcome.ConsentRequested, result.Outcome);
    }

    [Fact]
    public void NotifyDelay_ShorterResponseWindow_IsUsed()
    {
        var policy = Ftc with { ResponseWindow = TimeSpan.FromHours(48) };

        var result = Open().NotifyDelay(Original.AddDays(45), Early, Berlin, policy);

        Assert.Equal(Early.AddHours(48), result.Case.ConsentDeadline);
    }

    [Theory]
    [InlineData(0, DelayConsentRejection.RevisedDateNotLater)]
    [InlineData(-3, DelayConsentRejection.RevisedDateNotLater)]
    public void NotifyDelay_DateNotLaterThanThePromise_IsNotADelay(int offset, DelayConsentRejection expected)
    {
        var result = Open().NotifyDelay(Original.AddDays(offset), Early, Berlin, Ftc);

        Assert.Equal(expected, result.Rejection);
    }

    [Fact]
    public void NotifyDelay_SameRevisedDateTwice_IsADuplicate()
    {
        var silent = Applied(Open().NotifyDelay(Original.AddDays(10), Early, Berlin, Ftc));
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));

        Assert.Equal(DelayConsentRejection.AlreadyNotified, silent.NotifyDelay(Original.AddDays(10), Early, Berlin, Ftc).Rejection);
        Assert.Equal(DelayConsentRejection.AlreadyNotified, awaiting.NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc).Rejection);
        Assert.Equal(1, awaiting.DelayCount);
    }

    [Fact]
    public void Accept_WhenNoConsentIsPending_IsRejected()
    {
        var silent = Applied(Open().NotifyDelay(Original.AddDays(10), Early, Berlin, Ftc));

        Assert.Equal(DelayConsentRejection.NoConsentPending, Open().Accept(Early).Rejection);
        Assert.Equal(DelayConsentRejection.NoConsentPending, silent.Accept(Early).Rejection);
    }

    [Fact]
    public void EveryEvent_AfterCancellation_IsRejectedAndChangesNothing()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));
        var cancelled = Applied(awaiting.Cancel(Early.AddHours(1)));
        var later = Early.AddDays(30);

        DelayConsentResult[] results =
        [
            cancelled.NotifyDelay(Original.AddDays(60), later, Berlin, Ftc),
            cancelled.Accept(later),
            cancelled.Cancel(later),
            cancelled.ExpireConsent(later),
        ];

        Assert.All(results, r =>
        {
            Assert.Equal(DelayConsentRejection.OrderCancelled, r.Rejection);
            Assert.Same(cancelled, r.Case);
            Assert.False(r.RequiresFullRefund);
        });
    }

    [Fact]
    public void Restore_RoundTripsAStoredState_AndRefusesContradictions()
    {
        var awaiting = Applied(Open().NotifyDelay(Original.AddDays(45), Early, Berlin, Ftc));

        var restored = DelayConsentCase.Restore(
            awaiting.OrderId, awaiting.OriginalPromise, awaiting.CurrentPromise, awaiting.Status, awaiting.DelayCount,
            awaiting.PendingRevisedDate, awaiting.ConsentDeadline, awaiting.ConsentBasis, awaiting.CancellationReason,
            awaiting.LastChangedAt);

        Assert.Equal(awaiting, restored);
        Assert.Throws<ArgumentException>(() => DelayConsentCase.Restore(
            "o-1", Original, Original, DelayConsentStatus.AwaitingConsent, 1, null, null, ConsentBasis.None, null, null));
    }

    [Fact]
    public void Policy_Validate_NamesEachBrokenSetting()
    {
        var policy = new DelayConsentPolicy { SilenceLimitDays = -1, ExpressConsentFromDelay = 0, ResponseWindow = TimeSpan.Zero };

        var errors = policy.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("SilenceLimitDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ExpressConsentFromDelay", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ResponseWindow", StringComparison.Ordinal));
        Assert.Empty(DelayConsentPolicy.FtcDefault.Validate());
        Assert.Throws<ArgumentException>(() => Open().NotifyDelay(Original.AddDays(1), Early, Berlin, policy));
    }
}
