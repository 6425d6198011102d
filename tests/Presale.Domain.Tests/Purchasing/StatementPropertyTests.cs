using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Suppliers;
using static Presale.Domain.Tests.Purchasing.StatementScenario;

namespace Presale.Domain.Tests.Purchasing;

/// <summary>
/// Properties of settlement over random purchase-order lines whose facts grow over three monthly statements (deliveries
/// spread over the months and sometimes recorded late, cuts that grow or are withdrawn, odd unit costs), each statement
/// computed from the previous one's position.
/// </summary>
public sealed class StatementPropertyTests
{
    public sealed record LineCase(int Ordered, int Committed, decimal Cost, ChargebackRates Rates, (int Day, int Units)[] Deliveries, int[] Cancelled);

    public sealed record Case(LineCase[] Lines, bool Waived, bool RecordLate)
    {
        public override string ToString() => string.Join(
            "\n",
            Lines.Select((l, i) => $"L{i}: ordered {l.Ordered} committed {l.Committed} cost {l.Cost} rates {l.Rates.LateUnits}/{l.Rates.ShortUnits}/{l.Rates.CancelledLine} cut [{string.Join(",", l.Cancelled)}] deliveries [{string.Join(", ", l.Deliveries.Select(d => $"{d.Day}:{d.Units}"))}]"))
            + $"\nwaived {Waived} late-recording {RecordLate}";
    }

    private static readonly SettlementPeriod[] Months = [March, March.Next, March.Next.Next];

    private static Gen<LineCase> LineGen =>
        from ordered in Gen.Choose(1, 500)
        from committedShare in Gen.Choose(0, 100)
        from costCents in Gen.Choose(1, 1_000_000)
        from costScale in Gen.Elements(100m, 10_000m, 1_000_000m)
        from late in Gen.Choose(0, 100)
        from shortRate in Gen.Choose(0, 100)
        from cancelledRate in Gen.Choose(0, 100)
        from deliveryCount in Gen.Choose(0, 5)
        from deliveries in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 85), Gen.Choose(1, 200)), deliveryCount)
        from cuts in Gen.ArrayOf(Gen.Choose(0, 600), 3)
        select new LineCase(
            ordered,
            ordered * committedShare / 100,
            costCents / costScale,
            new ChargebackRates(late / 1000m, shortRate / 1000m, cancelledRate / 1000m),
            [.. deliveries.Select(d => (d.Item1, d.Item2))],
            cuts);

    private static Arbitrary<Case> Cases =>
        (from count in Gen.Choose(1, 6)
         from lines in Gen.ArrayOf(LineGen, count)
         from waived in Gen.Elements(false, true)
         from recordLate in Gen.Elements(false, true)
         select new Case(lines, waived, recordLate)).ToArbitrary();

    /// <summary>The facts of every line as known when the statement of month <paramref name="month"/> is computed.</summary>
    private static List<SettlementLineFacts> Facts(Case c, int month) =>
        [.. c.Lines.Select((l, i) => new SettlementLineFacts(
            PurchaseOrderId.From($"PO-{i / 2}"),
            i % 2 + 1,
            Sku.From("CHIP-1"),
            new Money(l.Cost, "EUR"),
            l.Ordered,
            l.Committed,
            (new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 10)),
            c.Waived ? l.Rates with { WaiveOutsideWindowAboveOnTimeRate = month == 1 ? 0.5m : 0.99m } : l.Rates,
            [.. l.Deliveries
                .Select((d, n) => new Delivery(March.Start.AddDays(d.Day), d.Units, $"rcv-{n}"))
                // Recorded late: a delivery shows up one statement after its own period.
                .Where(d => Index(d.On) + (c.RecordLate && d.Units % 2 == 1 ? 1 : 0) <= month)],
            Math.Min(l.Cancelled[month], l.Committed),
            false))];

    private static int Index(DateOnly day) => Array.FindIndex(Months, m => day >= m.Start && day <= m.End);

    /// <summary>The three statements, each from the previous one's position.</summary>
    private static List<StatementComputation> Run(Case c)
    {
        var results = new List<StatementComputation>();
        var position = SettlementPosition.Empty;
        for (var month = 0; month < Months.Length; month++)
        {
            var result = StatementCalculator.Compute(Input(
                Months[month], Facts(c, month), position, month == 0 ? null : Months[month - 1].End,
                grade: SupplierGrade.A, onTime: 0.8));
            results.Add(result);
            position = result.Position;
        }

        return results;
    }

    private static void Check(Func<Case, bool> property) => Prop.ForAll(Cases, property).Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    [Fact]
    public void TotalsAreTheSumsOfTheItems()
    {
        Check(c => Run(c).All(r =>
        {
            var s = r.Statement;
            decimal Of(StatementItemKind kind) => s.Items.Where(i => i.Kind == kind).Sum(i => i.Amount.Amount);
            return s.Totals.Payable.Amount == s.Items.Sum(i => i.Amount.Amount)
                && s.Totals.Goods.Amount == Of(StatementItemKind.Goods)
                && s.Totals.Chargebacks.Amount == Of(StatementItemKind.Chargeback)
                && s.Totals.Rebates.Amount == Of(StatementItemKind.Rebate)
                && s.PurchaseOrders.Sum(p => p.Net.Amount) == s.Items.Where(i => i.PurchaseOrderId is not null).Sum(i => i.Amount.Amount) + Of(StatementItemKind.Rebate)
                && s.Items.All(i => i.Amount.Amount == Math.Round(i.Amount.Amount, 2));
        }));
    }

    /// <summary>Rounding never loses a cent: over the statements each line is paid exactly round(units paid × unit cost).</summary>
    [Fact]
    public void EachLineIsPaidRoundOfItsUnits_AcrossStatements()
    {
        Check(c =>
        {
            var results = Run(c);
            var final = Facts(c, Months.Length - 1);
            return final.All(f =>
            {
                var key = (f.PurchaseOrderId.Value, f.LineNumber);
                var paid = results.SelectMany(r => r.Statement.Items).Where(i => i.Rule == SettlementRule.Goods && (i.PurchaseOrderId, i.LineNumber ?? 0) == key).Sum(i => i.Amount.Amount);
                var units = Math.Min(f.Deliveries.Where(d => d.On <= Months[^1].End).Sum(d => d.Units), f.OrderedQuantity);
                return paid == MoneyRounding.Extend(f.UnitCost, units).Amount;
            });
        });
    }

    /// <summary>Chargebacks never exceed what the rules allow: per line and rule, charged in all ≤ round(units × cost × rate), never below zero, and every item of a statement within the rule's allowance for its units.</summary>
    [Fact]
    public void ChargebacksNeverExceedTheRules()
    {
        Check(c => Run(c).All(r =>
        {
            var facts = Facts(c, Array.IndexOf(Months, Months.First(m => m.Id == r.Statement.Period))).ToDictionary(f => (f.PurchaseOrderId.Value, f.LineNumber));
            var positionsOk = r.Position.Lines.All(p =>
            {
                var f = facts[(p.PurchaseOrderId, p.LineNumber)];
                bool Within(SettlementRule rule, decimal rate)
                {
                    var (units, charged) = p.Of(rule);
                    return charged >= 0m && charged <= MoneyRounding.Extend(f.UnitCost, units, rate).Amount;
                }

                return Within(SettlementRule.EarlyUnits, f.Rates.LateUnits) && Within(SettlementRule.LateUnits, f.Rates.LateUnits)
                    && Within(SettlementRule.ShortUnits, f.Rates.ShortUnits) && Within(SettlementRule.CancelledLine, f.Rates.CancelledLine)
                    && p.EarlyUnits + p.LateUnits <= p.GoodsUnits && p.ShortUnits + p.CancelledLineUnits <= f.CommittedQuantity;
            });
            var itemsOk = r.Statement.Items.Where(i => i.Kind == StatementItemKind.Chargeback).All(i =>
                i.Units > 0
                    ? i.Amount.Amount <= 0m && -i.Amount.Amount <= MoneyRounding.Extend(i.UnitCost!.Value, i.Units, i.Rate!.Value).Amount + 0.01m
                    : i.Amount.Amount >= 0m);
            return positionsOk && itemsOk;
        }));
    }
}
