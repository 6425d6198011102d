using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Domain.Tests.Payments;

public sealed class PaymentScheduleTests
{
    private static readonly DateOnly Ordered = new(2026, 3, 2);
    private static readonly DateOnly Ready = new(2026, 5, 11);

    private static Money Eur(decimal amount) => new(amount, "EUR");

    [Fact]
    public void Deposit_OfAThird_RoundsDownAndPutsTheRemainderOnTheBalance()
    {
        var schedule = PaymentSchedule.Plan(Ordered, [new ScheduledLine(1, 1, Eur(100m), PaymentPlan.DepositOfPercent(33.3333m), Ready)], Eur(0m));

        Assert.Collection(
            schedule.Instalments,
            d => Assert.Equal(new Instalment(1, InstalmentKind.Deposit, Eur(33.33m), Ordered), d),
            b => Assert.Equal(new Instalment(1, InstalmentKind.Balance, Eur(66.67m), Ready), b));
    }

    [Fact]
    public void Deposit_InACurrencyWithoutMinorUnits_IsWholeYen()
    {
        var schedule = PaymentSchedule.Plan(Ordered, [new ScheduledLine(1, 3, new Money(1000m, "JPY"), PaymentPlan.DepositOfPercent(25m), Ready)], new Money(0m, "JPY"));

        Assert.Equal([250m, 750m], schedule.Instalments.Select(i => i.Amount.Amount));
    }

    [Fact]
    public void FixedDeposit_PerUnit_NeverExceedsTheLine()
    {
        var capped = PaymentSchedule.Plan(Ordered, [new ScheduledLine(1, 2, Eur(30m), PaymentPlan.DepositPerUnitOf(20m), Ready)], Eur(0m));
        var normal = PaymentSchedule.Plan(Ordered, [new ScheduledLine(1, 2, Eur(300m), PaymentPlan.DepositPerUnitOf(20m), Ready)], Eur(0m));

        Assert.Equal(new Instalment(1, InstalmentKind.Full, Eur(30m), Ordered), Assert.Single(capped.Instalments));
        Assert.Equal([40m, 260m], normal.Instalments.Select(i => i.Amount.Amount));
    }

    [Fact]
    public void ShippingCharge_RidesOnTheFirstInstalment_AtOrderWhenAnyLineChargesAtOrder()
    {
        var schedule = PaymentSchedule.Plan(
            Ordered,
            [new ScheduledLine(1, 1, Eur(50m), PaymentPlan.PayOnShip, Ready), new ScheduledLine(2, 1, Eur(80m), PaymentPlan.DepositOfPercent(10m), Ready)],
            Eur(4.90m));

        Assert.Equal(new Instalment(2, InstalmentKind.Deposit, Eur(12.90m), Ordered), schedule.Instalments[0]);
        Assert.Equal(Eur(134.90m), schedule.Total);
    }

    [Fact]
    public void PayOnShip_FallsDueOnlyOnceTheLineShips_AndABalanceOnceItIsReady()
    {
        var schedule = PaymentSchedule.Plan(
            Ordered,
            [new ScheduledLine(1, 1, Eur(50m), PaymentPlan.PayOnShip, Ready), new ScheduledLine(2, 1, Eur(80m), PaymentPlan.DepositOfPercent(10m), Ready)],
            Eur(0m));
        var onShip = schedule.Find("1-onship")!;
        var balance = schedule.Find("2-balance")!;

        Assert.False(onShip.CanFallDue(LineProgress.Waiting));
        Assert.False(onShip.CanFallDue(LineProgress.ReadyToShip));
        Assert.True(onShip.CanFallDue(LineProgress.Shipped));
        Assert.False(balance.CanFallDue(LineProgress.Waiting));
        Assert.True(balance.CanFallDue(LineProgress.ReadyToShip));
        Assert.True(schedule.Find("2-deposit")!.CanFallDue(LineProgress.Waiting));
    }

    [Fact]
    public void APromiseThatMoves_MovesTheBalance_AndOnlyIt()
    {
        ScheduledLine[] Lines(DateOnly ready) => [new ScheduledLine(1, 1, Eur(100m), PaymentPlan.DepositOfPercent(20m), ready), new ScheduledLine(2, 1, Eur(10m), PaymentPlan.FullAtOrder, ready)];
        var before = PaymentSchedule.Plan(Ordered, Lines(Ready), Eur(0m));
        var after = PaymentSchedule.Plan(Ordered, Lines(Ready.AddDays(12)), Eur(0m));

        var moved = Assert.Single(after.MovedSince(before));
        Assert.Equal(("1-balance", Ready.AddDays(12), Eur(80m)), (moved.Id, moved.DueOn, moved.Amount));
    }

    [Fact]
    public void ALineReadyBeforeTheOrderDay_IsNotDueBeforeTheOrderDay()
    {
        var schedule = PaymentSchedule.Plan(Ordered, [new ScheduledLine(1, 1, Eur(10m), PaymentPlan.PayOnShip, Ordered.AddDays(-3))], Eur(0m));

        Assert.Equal(Ordered, Assert.Single(schedule.Instalments).DueOn);
    }
}
