using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Domain.Tests.Payments;

/// <summary>
/// The payment rules hold for any order: the instalments add up to what the order asks (lines plus shipping), nothing
/// of a pay-on-ship line is due before it can ship, and however captures, failures and refunds interleave, refunds
/// never exceed what was captured and a capture never exceeds what an instalment owes.
/// </summary>
public sealed class PaymentPropertyTests
{
    private static readonly DateOnly Ordered = new(2026, 3, 2);

    private static Gen<PaymentPlan> PlanGen =>
        Gen.OneOf(
            Gen.Constant(PaymentPlan.FullAtOrder),
            Gen.Constant(PaymentPlan.PayOnShip),
            Gen.Choose(1, 9900).Select(p => PaymentPlan.DepositOfPercent(p / 100m)),
            Gen.Choose(1, 50000).Select(c => PaymentPlan.DepositPerUnitOf(c / 100m)));

    private static Gen<(string Currency, ScheduledLine[] Lines, decimal Shipping, int Shift)> OrderGen =>
        from currency in Gen.Elements("EUR", "JPY", "USD")
        from count in Gen.Choose(1, 5)
        from lines in Gen.ArrayOf(
            from quantity in Gen.Choose(1, 20)
            from cents in Gen.Choose(0, 200_000)
            from plan in PlanGen
            from days in Gen.Choose(-5, 200)
            select (quantity, cents, plan, days), count)
        from shipping in Gen.Choose(0, 2000)
        from shift in Gen.Choose(-30, 60)
        select (currency, lines.Select((l, i) => new ScheduledLine(i + 1, l.quantity, new Money(Price(currency, l.cents) * l.quantity, currency), l.plan, Ordered.AddDays(l.days))).ToArray(), Price(currency, shipping), shift);

    private static decimal Price(string currency, int cents) => Currencies.MinorUnits(currency) == 0 ? cents : cents / 100m;

    [Fact]
    public void Schedule_AnyOrder_AddsUpToTheLinesPlusShipping_InMinorUnits_EvenAfterThePromiseMoves() =>
        Prop.ForAll(OrderGen.ToArbitrary(), order =>
        {
            var (currency, lines, shipping, shift) = order;
            var expected = lines.Sum(l => l.Total.Amount) + shipping;
            var schedule = PaymentSchedule.Plan(Ordered, lines, new Money(shipping, currency));
            var moved = PaymentSchedule.Plan(Ordered, [.. lines.Select(l => l with { ReadyOn = l.ReadyOn.AddDays(shift) })], new Money(shipping, currency));
            var decimals = Currencies.MinorUnits(currency);
            return schedule.Total.Amount == expected
                && moved.Total.Amount == expected
                && schedule.Instalments.All(i => i.Amount.Amount >= 0m && decimal.Round(i.Amount.Amount, decimals) == i.Amount.Amount)
                && schedule.Instalments.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => (i.Id, i.Amount)).SequenceEqual(moved.Instalments.OrderBy(i => i.Id, StringComparer.Ordinal).Select(i => (i.Id, i.Amount)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    [Fact]
    public void Schedule_PayOnShipLine_IsNeverDueBeforeItCanShip() =>
        Prop.ForAll(OrderGen.ToArbitrary(), order =>
        {
            var (currency, lines, shipping, _) = order;
            var schedule = PaymentSchedule.Plan(Ordered, lines, new Money(shipping, currency));
            var onShip = lines.Where(l => l.Plan.Kind == PaymentPlanKind.PayOnShip).Select(l => l.LineNumber).ToHashSet();
            return schedule.Instalments.Where(i => onShip.Contains(i.LineNumber)).All(i =>
                i.Kind == InstalmentKind.OnShip
                && i.DueOn >= lines[i.LineNumber - 1].ReadyOn
                && !i.CanFallDue(LineProgress.Waiting)
                && !i.CanFallDue(LineProgress.ReadyToShip));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));

    /// <summary>One step against a ledger.</summary>
    /// <param name="Kind">0 capture, 1 failure, 2 authorisation, 3 refund, 4 replay an earlier payment id with another amount.</param>
    /// <param name="Instalment">Which instalment (index, modulo their count).</param>
    /// <param name="Cents">The amount in cents.</param>
    public sealed record Step(int Kind, int Instalment, int Cents);

    [Fact]
    public void Ledger_AnyCapturesFailuresAndRefunds_NeverRefundsMoreThanCaptured_NorCapturesMoreThanOwed() =>
        Prop.ForAll(
            OrderGen.Where(o => o.Currency == "EUR").ToArbitrary(),
            Gen.ListOf(from kind in Gen.Choose(0, 4) from instalment in Gen.Choose(0, 9) from cents in Gen.Choose(1, 300_000) select new Step(kind, instalment, cents)).Select(s => s.Take(30).ToArray()).ToArbitrary(),
            (order, steps) =>
            {
                var schedule = PaymentSchedule.Plan(Ordered, order.Lines, new Money(order.Shipping, "EUR"));
                var ledger = new PaymentLedger("EUR");
                var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
                var refunded = 0m;
                for (var n = 0; n < steps.Length; n++)
                {
                    var step = steps[n];
                    var instalment = schedule.Instalments[step.Instalment % schedule.Instalments.Count];
                    var amount = new Money(step.Cents / 100m, "EUR");
                    at = at.AddHours(1);
                    var before = (ledger.Captured, ledger.Refunded, ledger.Outcomes.Count);
                    switch (step.Kind)
                    {
                        case 3:
                            refunded += ledger.Refund("r" + n, amount, at).Amount;
                            break;
                        case 4 when ledger.Outcomes.Count > 0:
                            var earlier = ledger.Outcomes[step.Instalment % ledger.Outcomes.Count];
                            if (ledger.Record(earlier with { Amount = earlier.Amount + new Money(0.01m, "EUR") }, schedule).Outcome != PaymentRecordOutcome.Conflict
                                || before != (ledger.Captured, ledger.Refunded, ledger.Outcomes.Count))
                            {
                                return false;
                            }

                            break;
                        default:
                            var kind = step.Kind switch { 0 => PaymentOutcomeKind.Captured, 1 => PaymentOutcomeKind.Failed, _ => PaymentOutcomeKind.Authorised };
                            var outcome = new PaymentOutcome("p" + n, instalment.Id, kind, amount, kind == PaymentOutcomeKind.Failed ? "card_declined" : null, at, null);
                            var result = ledger.Record(outcome, schedule);
                            if (result.Outcome == PaymentRecordOutcome.Invalid && before != (ledger.Captured, ledger.Refunded, ledger.Outcomes.Count))
                            {
                                return false;
                            }

                            break;
                    }

                    if (ledger.Refunded > ledger.Captured
                        || ledger.Refunded.Amount != refunded
                        || schedule.Instalments.Any(i => ledger.CapturedFor(i.Id) > i.Amount))
                    {
                        return false;
                    }
                }

                return ledger.Captured <= schedule.Total;
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
}
