using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.DelayConsent;
using Presale.Domain.Notifications;

namespace Presale.Domain.Tests.Notifications;

public sealed class NotificationComposerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Promised = new(2026, 6, 30);
    private static readonly DateOnly Revised = new(2026, 7, 14);
    private static readonly DateTimeOffset Deadline = new(2026, 6, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri CancelLink = new("https://shop.example/api/orders/o-1/delay-consent?action=cancel&token=v1.c.c");
    private static readonly Uri AcceptLink = new("https://shop.example/api/orders/o-1/delay-consent?action=accept&token=v1.a.a");
    private static readonly NotificationComposer Composer = new();

    /// <summary>Expected renderings, written out by hand (not with the formatter under test).</summary>
    public static TheoryData<string, string, string, string, string, string, string> Locales => new()
    {
        // locale, resolved, promised date, revised date, deadline, 12.50 EUR, right-to-cancel wording
        { "en", "en", "Tuesday, June 30, 2026", "Tuesday, July 14, 2026", "June 25, 2026 10:00 AM (UTC+02:00)", "EUR 12.50", "full refund" },
        { "zh-CN", "zh-CN", "2026年6月30日星期二", "2026年7月14日星期二", "2026年6月25日 10:00 (UTC+02:00)", "12.50 EUR", "全额退款" },
    };

    private static NotificationContext Shop(string locale) => new(locale, Berlin);

    private static DelayNotice Notice(bool consent) =>
        new("o-1", "c-1", Promised, Revised, consent ? 2 : 1, consent ? Deadline : null, CancelLink, consent ? AcceptLink : null);

    [Theory]
    [MemberData(nameof(Locales))]
    public void OrderConfirmed_StatesThePromise(string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (revised, deadline, money, refund);

        var n = Composer.OrderConfirmed(Shop(locale), "o-1", "c-1", Promised);

        Assert.Equal((NotificationKind.OrderConfirmed, resolved, Promised), (n.Kind, n.Locale, n.PromisedDate));
        Assert.Contains(promised, n.Text, StringComparison.Ordinal);
        Assert.Contains("o-1", n.Title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void AtRisk_StatesThePromiseAtRisk(string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (revised, deadline, money, refund);

        var n = Composer.AtRisk(Shop(locale), "o-1", "c-1", Promised);

        Assert.Equal((NotificationKind.AtRisk, resolved, Promised), (n.Kind, n.Locale, n.PromisedDate));
        Assert.Contains(promised, n.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Delayed_WithConsentRequired_StatesDatesDeadlineRightToCancelAndBothLinks(
        string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = money;

        var n = Composer.Delayed(Shop(locale), Notice(consent: true));

        Assert.Equal(resolved, n.Locale);
        Assert.Contains(promised, n.Text, StringComparison.Ordinal);
        Assert.Contains(revised, n.Text, StringComparison.Ordinal);
        Assert.Contains(deadline, n.Text, StringComparison.Ordinal);
        Assert.Contains(refund, n.Text, StringComparison.Ordinal);
        Assert.Contains(AcceptLink.AbsoluteUri, n.Text, StringComparison.Ordinal);
        Assert.Contains(CancelLink.AbsoluteUri, n.Text, StringComparison.Ordinal);
        Assert.True(n.ConsentRequired);
        Assert.Equal((Promised, Revised, Deadline, 2), (n.PromisedDate!.Value, n.RevisedDate!.Value, n.ConsentDeadline!.Value, n.DelayNumber!.Value));
        Assert.Equal(
            [(NotificationLink.AcceptDelay, AcceptLink), (NotificationLink.CancelOrder, CancelLink)],
            n.Links.Select(l => (l.Rel, l.Href)));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Delayed_AcceptedBySilence_StatesTheRightToCancelWithOnlyACancelLink(
        string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (resolved, money);

        var n = Composer.Delayed(Shop(locale), Notice(consent: false));

        Assert.Contains(promised, n.Text, StringComparison.Ordinal);
        Assert.Contains(revised, n.Text, StringComparison.Ordinal);
        Assert.Contains(refund, n.Text, StringComparison.Ordinal);
        Assert.Contains(CancelLink.AbsoluteUri, n.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(AcceptLink.AbsoluteUri, n.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(deadline, n.Text, StringComparison.Ordinal);
        Assert.False(n.ConsentRequired);
        Assert.Null(n.ConsentDeadline);
        Assert.Equal([NotificationLink.CancelOrder], n.Links.Select(l => l.Rel));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void CompensationIssued_StatesTheAmount(string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (resolved, promised, revised, deadline, refund);
        var award = new CompensationAward("o-1", "c-1", 2, Promised.AddDays(8), new Money(12.5m, "EUR"), CompensationKind.StoreCredit, "comp:o-1:2");

        var n = Composer.CompensationIssued(Shop(locale), award);

        Assert.Contains(money, n.Text, StringComparison.Ordinal);
        Assert.Equal((new Money(12.5m, "EUR"), CompensationKind.StoreCredit, 2), (n.Amount!.Value, n.CompensationKind!.Value, n.CompensationTier!.Value));
        Assert.Equal("c-1", n.CustomerId);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void ReadyToShip_StatesTheDate(string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (resolved, promised, deadline, money, refund);

        var n = Composer.ReadyToShip(Shop(locale), "o-1", "c-1", Revised);

        Assert.Contains(revised, n.Text, StringComparison.Ordinal);
        Assert.Equal(Revised, n.ReadyDate);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void CancelledAndRefunded_StatesTheRefundForEveryCause(
        string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (resolved, promised, revised, deadline, refund);

        var texts = Enum.GetValues<CancellationCause>()
            .Select(cause => Composer.CancelledAndRefunded(Shop(locale), "o-1", "c-1", new Money(12.5m, "EUR"), cause))
            .ToList();

        Assert.All(texts, n => Assert.Contains(money, n.Text, StringComparison.Ordinal));
        Assert.Equal(texts.Count, texts.Select(n => n.Text).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void ReturnDecided_StatesTheReturnAndAnyAmount(
        string locale, string resolved, string promised, string revised, string deadline, string money, string refund)
    {
        _ = (resolved, promised, revised, deadline, refund);

        var refunded = Composer.ReturnDecided(Shop(locale), "o-1", "c-1", "r-9", ReturnDecision.Refund, new Money(12.5m, "EUR"));
        var credited = Composer.ReturnDecided(Shop(locale), "o-1", "c-1", "r-9", ReturnDecision.StoreCredit, new Money(12.5m, "EUR"));
        var replaced = Composer.ReturnDecided(Shop(locale), "o-1", "c-1", "r-9", ReturnDecision.Replacement, null);
        var rejected = Composer.ReturnDecided(Shop(locale), "o-1", "c-1", "r-9", ReturnDecision.Rejected, null);

        Assert.All([refunded, credited, replaced, rejected], n => Assert.Contains("r-9", n.Text, StringComparison.Ordinal));
        Assert.Contains(money, refunded.Text, StringComparison.Ordinal);
        Assert.Contains(money, credited.Text, StringComparison.Ordinal);
        Assert.Equal(4, new[] { refunded, credited, replaced, rejected }.Select(n => n.Text).Distinct().Count());
        Assert.Throws<ArgumentException>(() => Composer.ReturnDecided(Shop(locale), "o-1", "c-1", "r-9", ReturnDecision.Refund, null));
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("EN", "en")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData("xx-not-a-locale", "en")]
    public void UnknownLocale_FallsBackToTheSameLanguageThenEnglish(string requested, string expected)
    {
        var n = Composer.OrderConfirmed(Shop(requested), "o-1", "c-1", Promised);

        Assert.Equal(expected, n.Locale);
    }

    [Fact]
    public void Money_UsesTheCurrencysMinorUnits()
    {
        var yen = Composer.CancelledAndRefunded(Shop("en"), "o-1", "c-1", new Money(1500m, "JPY"), CancellationCause.Shop);
        var euro = Composer.CancelledAndRefunded(Shop("en"), "o-1", "c-1", new Money(1500m, "EUR"), CancellationCause.Shop);

        Assert.Contains("JPY 1,500 ", yen.Text, StringComparison.Ordinal);
        Assert.Contains("EUR 1,500.00", euro.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_IsShownInTheShopsTimeZone()
    {
        var newYork = new NotificationContext("en", TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        var n = Composer.Delayed(newYork, Notice(consent: true));

        Assert.Contains("June 25, 2026 4:00 AM (UTC-04:00)", n.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeduplicationKeys_AreDeterministic_AndDistinctPerKindOrderAndRevision()
    {
        Notification[] Build(string orderId) =>
        [
            Composer.OrderConfirmed(Shop("en"), orderId, "c-1", Promised),
            Composer.AtRisk(Shop("en"), orderId, "c-1", Promised),
            Composer.AtRisk(Shop("en"), orderId, "c-1", Revised),
            Composer.Delayed(Shop("en"), Notice(consent: false) with { OrderId = orderId }),
            Composer.Delayed(Shop("en"), Notice(consent: true) with { OrderId = orderId }),
            Composer.CompensationIssued(Shop("en"), new(orderId, "c-1", 1, Promised, new Money(5m, "EUR"), CompensationKind.Coupon, "k")),
            Composer.CompensationIssued(Shop("en"), new(orderId, "c-1", 2, Promised, new Money(5m, "EUR"), CompensationKind.Coupon, "k")),
            Composer.ReadyToShip(Shop("en"), orderId, "c-1", Revised),
            Composer.CancelledAndRefunded(Shop("en"), orderId, "c-1", new Money(5m, "EUR"), CancellationCause.Shop),
            Composer.ReturnDecided(Shop("en"), orderId, "c-1", "r-1", ReturnDecision.Rejected, null),
            Composer.ReturnDecided(Shop("en"), orderId, "c-1", "r-2", ReturnDecision.Rejected, null),
        ];

        var first = Build("o-1").Select(n => n.DeduplicationKey).ToList();
        var again = Build("o-1").Select(n => n.DeduplicationKey).ToList();
        var inChinese = Composer.OrderConfirmed(Shop("zh-CN"), "o-1", "c-1", Promised).DeduplicationKey;
        // Ids containing the separator must not collide with other ids.
        var all = first.Concat(new[] { "o-2", "o:1", "o%3A1" }.SelectMany(Build).Select(n => n.DeduplicationKey)).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first[0], inChinese);
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal("notif:delayed:o-1:2", first[4]);
        Assert.Equal("notif:compensation-issued:o-1:1", first[5]);
        Assert.Equal("notif:return-decided:o%3A1:r-1", Composer.ReturnDecided(Shop("en"), "o:1", "c-1", "r-1", ReturnDecision.Rejected, null).DeduplicationKey);
    }

    [Fact]
    public void Delayed_FromAConsentResult_CarriesItsDatesDeadlineAndDelayNumber()
    {
        var before = DelayConsentCase.Open("o-1", Promised);
        var now = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var result = before.NotifyDelay(Promised.AddDays(45), now, Berlin, DelayConsentPolicy.FtcDefault);

        var notice = DelayNotice.From(before, result, "c-1", CancelLink, AcceptLink);
        var n = Composer.Delayed(Shop("en"), notice);

        Assert.Equal((Promised, Promised.AddDays(45), 1), (notice.PreviousDate, notice.RevisedDate, notice.DelayNumber));
        Assert.Equal(result.Case.ConsentDeadline, n.ConsentDeadline);
        Assert.Equal("notif:delayed:o-1:1", n.DeduplicationKey);
        Assert.Throws<ArgumentException>(() => DelayNotice.From(before, result, "c-1", CancelLink, acceptLink: null));
        Assert.Throws<ArgumentException>(() => DelayNotice.From(result.Case, result.Case.Accept(now), "c-1", CancelLink, AcceptLink));
    }

    [Fact]
    public void Delayed_NeedingConsentWithoutAnAcceptLink_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Composer.Delayed(Shop("en"), Notice(consent: true) with { AcceptLink = null }));
    }
}
