using Presale.Domain.Purchasing.Settlement;

namespace Presale.Domain.Tests.Purchasing;

public sealed class SettlementPeriodTests
{
    [Fact]
    public void Monthly_CoversTheCalendarMonth()
    {
        var march = SettlementPeriod.Containing(SettlementPeriodKind.Monthly, new DateOnly(2026, 3, 17));

        Assert.Equal(("2026-03", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 1)), (march.Id, march.Start, march.End, march.IssuedOn));
        Assert.Equal("2026-04", march.Next.Id);
        Assert.Equal("2026-02", march.Previous.Id);
        Assert.Equal(new DateOnly(2026, 2, 28), march.Previous.End);
    }

    [Fact]
    public void Weekly_CoversTheIsoWeek_AcrossTheYearsEnd()
    {
        var week = SettlementPeriod.Containing(SettlementPeriodKind.Weekly, new DateOnly(2027, 1, 1));

        Assert.Equal(("2026-W53", new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3)), (week.Id, week.Start, week.End));
        Assert.Equal("2027-W01", week.Next.Id);
    }

    [Theory]
    [InlineData(SettlementPeriodKind.Monthly, "2026-03", "2026-03-01")]
    [InlineData(SettlementPeriodKind.Weekly, "2026-W10", "2026-03-02")]
    public void TryParse_ReadsItsOwnIds(SettlementPeriodKind kind, string id, string start)
    {
        Assert.True(SettlementPeriod.TryParse(kind, id, out var period, out _));
        Assert.Equal((id, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), (period.Id, period.Start));
    }

    [Theory]
    [InlineData(SettlementPeriodKind.Monthly, "2026-W10")]
    [InlineData(SettlementPeriodKind.Monthly, "2026-13")]
    [InlineData(SettlementPeriodKind.Monthly, "1999-12")]
    [InlineData(SettlementPeriodKind.Monthly, "26-03")]
    [InlineData(SettlementPeriodKind.Monthly, null)]
    [InlineData(SettlementPeriodKind.Weekly, "2026-03")]
    [InlineData(SettlementPeriodKind.Weekly, "2026-W54")]
    [InlineData(SettlementPeriodKind.Weekly, "2026-W00")]
    public void TryParse_RefusesOtherShapes(SettlementPeriodKind kind, string? id)
    {
        Assert.False(SettlementPeriod.TryParse(kind, id, out _, out var error));
        Assert.NotNull(error);
    }
}
