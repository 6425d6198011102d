using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Compensation;

namespace Presale.Domain.Tests.Compensation;

public sealed class CompensationPolicyTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Promised = new(2026, 3, 10);

    private static Money Eur(decimal amount) => new(amount, "EUR");

    private static LateOrder Order(
        IReadOnlyList<LateOrderLine>? lines = null,
        DateOnly? promised = null,
        DateOnly? ready = null,
        bool cancelled = false) =>
        new("o-1", "c-1", lines ?? [Line(200m)], promised ?? Promised, ready, cancelled);

    private static LateOrderLine Line(decimal unitPrice, int quantity = 1, int shipped = 0, string sku = "SKU-1") =>
        new(Sku.From(sku), quantity, Eur(unitPrice), shipped);

    /// <summary>Noon in Berlin <paramref name="days"/> days after the promised date.</summary>
    private static DateTimeOffset DaysAfter(int days, DateOnly? promised = null) =>
        ShopCalendar.StartOfDay((promised ?? Promised).AddDays(days), Berlin).AddHours(12);

    private static CompensationAssessment Assess(
        LateOrder order,
        DateTimeOffset now,
        CompensationPolicy? policy = null,
        IReadOnlyCollection<IssuedCompensation>? issued = null,
        TimeZoneInfo? zone = null) =>
        (policy ?? CompensationPolicy.Default("EUR")).Assess(order, issued ?? [], now, zone ?? Berlin);

    [Theory]
    // days late → tiers due under the default policy (from day 1, 8, 15)
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(7, new[] { 1 })]
    [InlineData(8, new[] { 1, 2 })]
    [InlineData(14, new[] { 1, 2 })]
    [InlineData(15, new[] { 1, 2, 3 })]
    [InlineData(60, new[] { 1, 2, 3 })]
    public void Assess_PaysEveryTierReachedByTheDaysLate(int days, int[] expectedTiers)
    {
        var result = Assess(Order(), DaysAfter(days));

        Assert.Equal(expectedTiers, result.Awards.Select(a => a.Tier));
        Assert.Equal(days, result.DaysLate);
    }

    [Theory]
    // Berlin springs forward on 2026-03-29. Promised 2026-03-28: day 1 starts at local midnight 2026-03-29 00:00 CET
    // (23:00 UTC), day 8 at 2026-04-05 00:00 CEST (22:00 UTC, one hour earlier in UTC than before the change).
    [InlineData("Europe/Berlin", "2026-03-28", "2026-03-28T22:59:59Z", 0)]
    [InlineData("Europe/Berlin", "2026-03-28", "2026-03-28T23:00:00Z", 1)]
    [InlineData("Europe/Berlin", "2026-03-28", "2026-04-04T21:59:59Z", 7)]
    [InlineData("Europe/Berlin", "2026-03-28", "2026-04-04T22:00:00Z", 8)]
    // New York falls back on 2026-11-01. Promised 2026-10-31: day 1 starts 04:00 UTC (EDT), day 8 at 05:00 UTC (EST).
    [InlineData("America/New_York", "2026-10-31", "2026-11-01T03:59:59Z", 0)]
    [InlineData("America/New_York", "2026-10-31", "2026-11-01T04:00:00Z", 1)]
    [InlineData("America/New_York", "2026-10-31", "2026-11-08T04:59:59Z", 7)]
    [InlineData("America/New_York", "2026-10-31", "2026-11-08T05:00:00Z", 8)]
    public void Assess_DayBoundaryIsLocalMidnight_IncludingDaylightSavingChanges(
        string zoneId, string promised, string now, int expectedDaysLate)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var order = Order(promised: DateOnly.Parse(promised, CultureInfo.InvariantCulture));

        var result = Assess(order, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), zone: zone);

        Assert.Equal(expectedDaysLate, result.DaysLate);
        Assert.Equal(expectedDaysLate switch { 0 => 0, < 8 => 1, _ => 2 }, result.Awards.Count);
    }

    [Theory]
    // late value → tier 1 award under the default policy (5 %, min 5, cap 30)
    [InlineData(200, 10)] // 5 % of 200
    [InlineData(60, 5)] // 3 → minimum 5
    [InlineData(1000, 30)] // 50 → cap 30
    [InlineData(123.45, 6.17)] // 6.1725 rounded to cents
    public void Assess_Tier1_IsPercentOfLateValue_WithMinimumAndCap(decimal value, decimal expected)
    {
        var result = Assess(Order([Line(value)]), DaysAfter(1));

        var award = Assert.Single(result.Awards);
        Assert.Equal(Eur(expected), award.Amount);
    }

    [Fact]
    public void Assess_LaterTier_PaysOnlyWhatTheCapLeaves()
    {
        // 5 % of 280 = 14 per tier; 14 + 14 = 28 issued, the cap of 30 leaves 2 for tier 3.
        var order = Order([Line(280m)]);
        IssuedCompensation[] issued = [new(1, Eur(14m)), new(2, Eur(14m))];

        var result = Assess(order, DaysAfter(15), issued: issued);

        var award = Assert.Single(result.Awards);
        Assert.Equal(3, award.Tier);
        Assert.Equal(Eur(2m), award.Amount);
        Assert.Null(result.NextTierDueOn);
    }

    [Fact]
    public void Assess_WhenCapUsedUp_IssuesNothingMore()
    {
        var result = Assess(Order([Line(1000m)]), DaysAfter(20), issued: [new(1, Eur(30m))]);

        Assert.Empty(result.Awards);
        Assert.Equal(CompensationStatus.Late, result.Status);
        Assert.Null(result.NextTierDueOn);
    }

    [Fact]
    public void Assess_CatchUpOfSeveralTiers_AppliesTheCapAcrossThem()
    {
        // 5 % of 400 = 20 per tier: tier 1 pays 20, tier 2 the remaining 10, tier 3 nothing.
        var result = Assess(Order([Line(400m)]), DaysAfter(15));

        Assert.Equal([(1, Eur(20m)), (2, Eur(10m))], result.Awards.Select(a => (a.Tier, a.Amount)));
    }

    [Fact]
    public void Assess_MinimumNeverExceedsTheCap()
    {
        var policy = CompensationPolicy.Default("EUR") with { CapPerOrder = Eur(3m) };

        var result = Assess(Order([Line(10m)]), DaysAfter(1), policy);

        Assert.Equal(Eur(3m), Assert.Single(result.Awards).Amount);
    }

    [Fact]
    public void Assess_SkipsTiersAlreadyIssued()
    {
        var result = Assess(Order(), DaysAfter(9), issued: [new(1, Eur(10m))]);

        var award = Assert.Single(result.Awards);
        Assert.Equal(2, award.Tier);
        Assert.Equal(Eur(10m), award.Amount);
        Assert.Equal(Promised.AddDays(15), result.NextTierDueOn);
    }

    [Fact]
    public void Assess_SumsEveryLateLine()
    {
        // 2 × 50 + 3 × 40 + 1 × 80 = 300 → 15.
        var order = Order([Line(50m, quantity: 2), Line(40m, quantity: 3, sku: "SKU-2"), Line(80m, sku: "SKU-3")]);

        var result = Assess(order, DaysAfter(1));

        Assert.Equal(Eur(300m), result.LateValue);
        Assert.Equal(Eur(15m), Assert.Single(result.Awards).Amount);
    }

    [Fact]
    public void Assess_PartialShipment_CountsOnlyTheUnshippedUnits()
    {
        // 10 × 40 ordered, 6 shipped → 4 × 40 = 160 late → 8; a fully shipped line adds nothing.
        var order = Order([Line(40m, quantity: 10, shipped: 6), Line(500m, quantity: 2, shipped: 2, sku: "SKU-2")]);

        var result = Assess(order, DaysAfter(1));

        Assert.Equal(Eur(160m), result.LateValue);
        Assert.Equal(Eur(8m), Assert.Single(result.Awards).Amount);
    }

    [Fact]
    public void Assess_WhenNothingIsWaiting_PaysNothing()
    {
        var order = Order([Line(40m, quantity: 2, shipped: 2)]);

        var result = Assess(order, DaysAfter(3));

        Assert.Empty(result.Awards);
    }

    [Fact]
    public void Assess_CancelledOrder_IsNeverCompensated()
    {
        var result = Assess(Order(cancelled: true), DaysAfter(30));

        Assert.Equal(CompensationStatus.Cancelled, result.Status);
        Assert.Empty(result.Awards);
        Assert.Null(result.NextTierDueOn);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(0)]
    public void Assess_ReadyToShipByThePromise_IsNotLate(int readyOffset)
    {
        var result = Assess(Order(ready: Promised.AddDays(readyOffset)), DaysAfter(30));

        Assert.Equal(CompensationStatus.ReadyOnTime, result.Status);
        Assert.Empty(result.Awards);
    }

    [Fact]
    public void Assess_ReadyAfterThePromise_StopsCountingOnTheReadyDate()
    {
        // Ready on day 3: tier 1 was earned, tiers 2 and 3 never become due however late the sweep runs.
        var result = Assess(Order(ready: Promised.AddDays(3)), DaysAfter(30));

        Assert.Equal(3, result.DaysLate);
        Assert.Equal([1], result.Awards.Select(a => a.Tier));
        Assert.Null(result.NextTierDueOn);
    }

    [Fact]
    public void Assess_BeforeThePromisePasses_ReportsWhenTheFirstTierFallsDue()
    {
        var result = Assess(Order(), DaysAfter(0));

        Assert.Equal(CompensationStatus.NotLate, result.Status);
        Assert.Empty(result.Awards);
        Assert.Equal(Promised.AddDays(1), result.NextTierDueOn);
    }

    [Fact]
    public void Assess_Award_CarriesDeterministicKeyKindAndDueDate()
    {
        var policy = CompensationPolicy.Default("EUR") with { Kind = CompensationKind.StoreCredit };

        var first = Assess(Order(), DaysAfter(8), policy);
        var again = Assess(Order(), DaysAfter(9), policy);

        Assert.Equal(["comp:o-1:1", "comp:o-1:2"], first.Awards.Select(a => a.DeduplicationKey));
        Assert.Equal(first.Awards, again.Awards);
        Assert.All(first.Awards, a => Assert.Equal(CompensationKind.StoreCredit, a.Kind));
        Assert.Equal([Promised.AddDays(1), Promised.AddDays(8)], first.Awards.Select(a => a.DueOn));
        Assert.All(first.Awards, a => Assert.Equal("c-1", a.CustomerId));
    }

    [Theory]
    // tiers from day 1 and day 4 with 7-day periods: tier 1 spans 3 days → 1 period; tier 2 is last → 1 period.
    [InlineData(new[] { 1, 4 }, 7, new[] { 1, 1 })]
    // tiers from day 1 and day 15 with 7-day periods: tier 1 spans 14 days → 2 periods.
    [InlineData(new[] { 1, 15 }, 7, new[] { 2, 1 })]
    // a partial period rounds up: 15 days / 7 → 3 periods.
    [InlineData(new[] { 1, 16 }, 7, new[] { 3, 1 })]
    [InlineData(new[] { 1, 2, 3 }, 1, new[] { 1, 1, 1 })]
    public void PeriodsOf_CountsStartedPeriodsInTheTierSpan(int[] fromDays, int periodDays, int[] expected)
    {
        var policy = CompensationPolicy.Default("EUR") with
        {
            PeriodDays = periodDays,
            Tiers = [.. fromDays.Select(d => new CompensationTier(d, 5m, Eur(0m)))],
        };

        Assert.Equal(expected, Enumerable.Range(0, fromDays.Length).Select(policy.PeriodsOf));
    }

    [Fact]
    public void Assess_TierCoveringSeveralPeriods_PaysItsPercentPerStartedPeriod()
    {
        // Tier 1 spans days 1–15 (16 − 1 = 15 days → 3 weekly periods): 3 × 2 % of 500 = 30.
        var policy = CompensationPolicy.Default("EUR") with
        {
            Tiers = [new(1, 2m, Eur(0m)), new(16, 2m, Eur(0m))],
            CapPerOrder = Eur(1000m),
        };

        var result = Assess(Order([Line(500m)]), DaysAfter(1), policy);

        Assert.Equal(Eur(30m), Assert.Single(result.Awards).Amount);
    }

    [Fact]
    public void Default_IsTaobaoStyle()
    {
        var policy = CompensationPolicy.Default("cny");

        Assert.Empty(policy.Validate());
        Assert.Equal("CNY", policy.Currency);
        Assert.Equal([1, 8, 15], policy.Tiers.Select(t => t.FromDayLate));
        Assert.All(policy.Tiers, t => Assert.Equal((5m, new Money(5m, "CNY")), (t.PercentPerPeriod, t.Minimum)));
        Assert.Equal(new Money(30m, "CNY"), policy.CapPerOrder);
        Assert.Equal(CompensationKind.Coupon, policy.Kind);
    }

    [Fact]
    public void Validate_NamesEachBrokenSetting()
    {
        var policy = new CompensationPolicy
        {
            Currency = "EUR",
            PeriodDays = 0,
            Decimals = 9,
            Tiers = [new(0, 5m, Eur(1m)), new(8, -1m, Eur(-1m)), new(8, 5m, new Money(5m, "USD"))],
            CapPerOrder = Eur(-5m),
        };

        var errors = policy.Validate();

        Assert.Contains(errors, e => e.StartsWith("PeriodDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Decimals", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("CapPerOrder may not be negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Tiers[0].FromDayLate must be at least 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Tiers[1].PercentPerPeriod", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Tiers[1].Minimum may not be negative", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Tiers[2].FromDayLate must be later", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Tiers[2].Minimum is in USD", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => Assess(Order(), DaysAfter(1), policy));
    }

    [Fact]
    public void Validate_RequiresAtLeastOneTier()
    {
        var policy = CompensationPolicy.Default("EUR") with { Tiers = [] };

        Assert.Contains(policy.Validate(), e => e.StartsWith("Tiers must hold", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_OrderInAnotherCurrency_IsRejected()
    {
        var order = new LateOrder("o-1", "c-1", [new LateOrderLine(Sku.From("A"), 1, new Money(10m, "USD"))], Promised);

        Assert.Throws<ArgumentException>(() => Assess(order, DaysAfter(1)));
    }

    [Fact]
    public void Assess_NeverPaysMoreThanTheCap_ForAnyOrder()
    {
        Prop.ForAll<PositiveInt, NonNegativeInt, PositiveInt>(
            (cents, days, quantity) =>
            {
                var order = Order([Line(cents.Get / 100m, quantity: quantity.Get % 50 + 1)]);
                var now = DaysAfter(days.Get % 40, Promised);
                var policy = CompensationPolicy.Default("EUR");
                var total = 0m;
                var issued = new List<IssuedCompensation>();
                // Sweep day by day, feeding back what was issued, as the timer does.
                for (var d = 0; d <= days.Get % 40; d++)
                {
                    foreach (var award in policy.Assess(order, issued, DaysAfter(d), Berlin).Awards)
                    {
                        issued.Add(new(award.Tier, award.Amount));
                        total += award.Amount.Amount;
                    }
                }

                var once = policy.Assess(order, [], now, Berlin).Awards.Sum(a => a.Amount.Amount);
                return total <= 30m && total == once && issued.Select(i => i.Tier).Distinct().Count() == issued.Count;
            }).QuickCheckThrowOnFailure();
    }
}
