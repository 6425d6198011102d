using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Suppliers;
using static Presale.Domain.Tests.Purchasing.StatementScenario;

namespace Presale.Domain.Tests.Purchasing;

public sealed class StatementCalculatorTests
{
    /// <summary>
    /// The hand-computed example (docs/purchasing.md): 300 units at 2.4567 EUR requested for 10 March (on time 8–10 March),
    /// 120 received on the 10th and 180 on the 12th; late units are charged 3 %, grade A earns 2 %.
    /// Goods round(300 × 2.4567) = round(737.01) = 737.01; late round(180 × 2.4567 × 0.03) = round(13.26618) = 13.27;
    /// rebate round(737.01 × 0.02) = round(14.7402) = 14.74; payable 737.01 − 13.27 + 14.74 = 738.48, due 9 April
    /// (net 30 from the first receipt, the 10th).
    /// </summary>
    [Fact]
    public void Compute_HandComputedExample()
    {
        var result = StatementCalculator.Compute(Input(March, [Line(closed: true, deliveries: [("2026-03-10", 120), ("2026-03-12", 180)])]));
        var statement = result.Statement;

        Assert.Equal(
            [
                (SettlementRule.Goods, 300, 737.01m),
                (SettlementRule.LateUnits, 180, -13.27m),
                (SettlementRule.GradeRebate, 0, 14.74m),
            ],
            statement.Items.Select(i => (i.Rule, i.Units, i.Amount.Amount)));
        Assert.Equal(new StatementTotals(new Money(737.01m, "EUR"), new Money(-13.27m, "EUR"), new Money(0.00m, "EUR"), new Money(14.74m, "EUR"), new Money(738.48m, "EUR")), statement.Totals);
        Assert.Equal(new DateOnly(2026, 4, 9), statement.DueDate);
        Assert.Equal(new DateOnly(2026, 4, 1), statement.IssuedOn);
        var line = Assert.Single(statement.Lines);
        Assert.Equal((120, 0, 180, true, (bool?)false), (line.OnTimeUnits, line.EarlyUnits, line.LateUnits, line.Closed, line.OnTimeInFull));
        var order = Assert.Single(statement.PurchaseOrders);
        Assert.Equal((737.01m, -13.27m, 14.74m, 738.48m), (order.Goods.Amount, order.Chargebacks.Amount, order.Rebates.Amount, order.Net.Amount));
        Assert.Equal(new LinePosition("PO-1", 1, 300, 737.01m, 0, 0m, 180, 13.27m), Assert.Single(result.Position.Lines));
    }

    [Fact]
    public void Compute_PaysEachLineRoundOfAllItsUnits_HoweverDeliveriesFallAcrossStatements()
    {
        // 1 unit at 0.005: alone it rounds to 0.01; two units are still 0.01, so the second statement pays 0.00.
        var first = Line(ordered: 2, committed: 2, cost: 0.005m, deliveries: [("2026-03-09", 1)]);
        var march = StatementCalculator.Compute(Input(March, [first], terms: Terms(rebates: RebateSchedule.None)));
        var second = first with { Deliveries = [.. first.Deliveries, new Delivery(new DateOnly(2026, 4, 2), 1, "rcv-9")] };
        var april = StatementCalculator.Compute(Input(March.Next, [second], march.Position, March.End, Terms(rebates: RebateSchedule.None)));

        Assert.Equal(0.01m, Sum(march.Statement, SettlementRule.Goods));
        Assert.Equal(0.00m, Sum(april.Statement, SettlementRule.Goods));
        Assert.Equal(0.01m, Assert.Single(april.Position.Lines).GoodsAmount);
    }

    [Fact]
    public void Compute_AReceiptRecordedAfterItsPeriodClosed_IsAnAdjustmentOnTheNextStatement()
    {
        var march = StatementCalculator.Compute(Input(March, [Line(deliveries: [("2026-03-09", 100)])]));
        var late = Line(deliveries: [("2026-03-09", 100), ("2026-03-31", 50), ("2026-04-02", 150)]);

        var april = StatementCalculator.Compute(Input(March.Next, [late], march.Position, March.End));

        var goods = april.Statement.Items.Where(i => i.Rule == SettlementRule.Goods).ToList();
        Assert.Equal([(50, true), (150, false)], goods.Select(i => (i.Units, i.Adjustment)));
        Assert.Equal(MoneyRounding.Extend(new Money(2.4567m, "EUR"), 300).Amount, march.Statement.Totals.Goods.Amount + goods.Sum(i => i.Amount.Amount));
        Assert.All(april.Statement.Items.Where(i => i.Rule == SettlementRule.LateUnits), i => Assert.True(i.Units > 0));
        Assert.Contains("recorded after that statement closed", goods[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ClosedStatementsAreNeverChangedByLaterFacts_TheNextOneCorrects()
    {
        // A receipt first dated in March is corrected away (the lot's receipt rows no longer have it).
        var march = StatementCalculator.Compute(Input(March, [Line(deliveries: [("2026-03-09", 100)])]));
        var april = StatementCalculator.Compute(Input(March.Next, [Line(deliveries: [("2026-03-09", 60)])], march.Position, March.End));

        var correction = Assert.Single(april.Statement.Items, i => i.Rule == SettlementRule.Goods);
        Assert.Equal((-40, true), (correction.Units, correction.Adjustment));
        Assert.Equal(MoneyRounding.Extend(new Money(2.4567m, "EUR"), 60).Amount - MoneyRounding.Extend(new Money(2.4567m, "EUR"), 100).Amount, correction.Amount.Amount);
        Assert.Equal(0m, april.Statement.Totals.Rebates.Amount);
    }

    [Fact]
    public void Compute_ShortUnits_ThenACancelledLine_ReclassifiesAndGivesTheShortChargeBack()
    {
        var march = StatementCalculator.Compute(Input(March, [Line(cancelled: 40)]));
        Assert.Equal(-4.91m, Sum(march.Statement, SettlementRule.ShortUnits)); // 40 × 2.4567 × 5 % = 4.9134

        var april = StatementCalculator.Compute(Input(March.Next, [Line(cancelled: 300, closed: true)], march.Position, March.End));

        Assert.Equal(4.91m, Sum(april.Statement, SettlementRule.ShortUnits));
        Assert.Equal(-73.70m, Sum(april.Statement, SettlementRule.CancelledLine)); // 300 × 2.4567 × 10 % = 73.701
        var line = Assert.Single(april.Statement.Lines);
        Assert.Equal((0, 300, true, (bool?)false), (line.ShortUnits, line.CancelledLineUnits, line.Closed, line.OnTimeInFull));
    }

    [Fact]
    public void Compute_OutsideWindowCharges_AreWaivedAboveTheTrailingOnTimeRate()
    {
        var waiving = Rates with { WaiveOutsideWindowAboveOnTimeRate = 0.9m };
        var facts = Line(rates: waiving, deliveries: [("2026-03-05", 10), ("2026-03-12", 20)]);

        var waived = StatementCalculator.Compute(Input(March, [facts], onTime: 0.95)).Statement;
        var charged = StatementCalculator.Compute(Input(March, [facts], onTime: 0.85)).Statement;

        Assert.All(waived.Items.Where(i => i.Kind == StatementItemKind.Chargeback), i => Assert.True(i.Waived && i.Amount.Amount == 0m));
        Assert.Equal([SettlementRule.EarlyUnits, SettlementRule.LateUnits], waived.Items.Where(i => i.Kind == StatementItemKind.Chargeback).Select(i => i.Rule));
        Assert.Equal(-0.74m + -1.47m, charged.Totals.Chargebacks.Amount); // 10 × 2.4567 × 3 % = 0.737; 20 × … = 1.474
    }

    [Fact]
    public void Compute_PaysNoMoreThanOrdered_AndCountsOverDeliveryAsDelivered()
    {
        var statement = StatementCalculator.Compute(Input(March, [Line(ordered: 10, committed: 10, closed: true, deliveries: [("2026-03-09", 8), ("2026-03-10", 5)])])).Statement;

        Assert.Equal((10, 24.57m), (statement.Items[0].Units, statement.Items[0].Amount.Amount));
        Assert.Equal((13, 10, (bool?)true), (statement.Lines[0].Delivered, statement.Lines[0].Paid, statement.Lines[0].OnTimeInFull));
    }

    [Fact]
    public void Compute_ReturnCredits_AreItemisedOnce_AtTheirCost_AndUnpricedOnesAreShownAtZero()
    {
        var claims = new[]
        {
            new ReturnClaimFact("r1:CHIP-1:1", Sku.From("CHIP-1"), new DateOnly(2026, 3, 20), new Money(2.4567m, "EUR"), "PO-1", 1),
            new ReturnClaimFact("r2:CHIP-9:1", Sku.From("CHIP-9"), new DateOnly(2026, 3, 21), null, null, null),
        };
        var march = StatementCalculator.Compute(Input(March, [], claims: claims));
        var april = StatementCalculator.Compute(Input(March.Next, [], march.Position, March.End, claims: claims));

        Assert.Equal([(-2.46m, "r1:CHIP-1:1"), (0.00m, "r2:CHIP-9:1")], march.Statement.Items.Select(i => (i.Amount.Amount, i.ClaimId!)));
        Assert.Contains("settle it by hand", march.Statement.Items[1].Description, StringComparison.Ordinal);
        Assert.Empty(april.Statement.Items);
        Assert.Equal(2, april.Position.CreditedClaims.Count);
        Assert.Equal((-2.46m, -2.46m), (march.Statement.Totals.ReturnCredits.Amount, Assert.Single(march.Statement.PurchaseOrders).Net.Amount));
    }

    [Fact]
    public void Compute_VolumeTierAddsToTheGradeRebate_NegativeRatesAreRebatesTheSupplierGrants()
    {
        var rebates = new RebateSchedule(new Dictionary<SupplierGrade, decimal> { [SupplierGrade.B] = 0.01m }, [new VolumeRebateTier(0m, -0.02m), new VolumeRebateTier(500m, -0.03m)]);
        var statement = StatementCalculator.Compute(Input(March, [Line(deliveries: [("2026-03-09", 300)])], terms: Terms(rebates: rebates), grade: SupplierGrade.B)).Statement;

        Assert.Equal([(SettlementRule.GradeRebate, 7.37m), (SettlementRule.VolumeRebate, -22.11m)], statement.Items.Where(i => i.Kind == StatementItemKind.Rebate).Select(i => (i.Rule, i.Amount.Amount)));
        Assert.Equal(737.01m + 7.37m - 22.11m, statement.Totals.Payable.Amount);
    }

    [Fact]
    public void Compute_NoGradeOrNoGoods_NoRebate()
    {
        Assert.DoesNotContain(StatementCalculator.Compute(Input(March, [Line(deliveries: [("2026-03-09", 3)])], grade: null, terms: Terms(rebates: new RebateSchedule(new Dictionary<SupplierGrade, decimal> { [SupplierGrade.A] = 0.02m }, [])))).Statement.Items, i => i.Kind == StatementItemKind.Rebate);
        Assert.Empty(StatementCalculator.Compute(Input(March, [Line()])).Statement.Items);
    }

    [Fact]
    public void Compute_DueFromInvoice_IsTheIssueDatePlusNetDays()
    {
        var statement = StatementCalculator.Compute(Input(March, [Line(deliveries: [("2026-03-09", 1)])], terms: Terms(payment: new PaymentTerms(45, PaymentTermsBasis.Invoice)))).Statement;

        Assert.Equal(new DateOnly(2026, 5, 16), statement.DueDate);
    }

    [Fact]
    public void Compute_RefusesALineInAnotherCurrency() =>
        Assert.Throws<ArgumentException>(() => StatementCalculator.Compute(Input(March, [Line() with { UnitCost = new Money(1m, "USD") }])));

    [Fact]
    public void IsFinished_OnlyWhenClosedAndNoDeliveryLiesAfterTheEnd()
    {
        Assert.True(StatementCalculator.IsFinished(Line(closed: true, deliveries: [("2026-03-31", 300)]), March.End));
        Assert.False(StatementCalculator.IsFinished(Line(closed: true, deliveries: [("2026-04-01", 300)]), March.End));
        Assert.False(StatementCalculator.IsFinished(Line(closed: false), March.End));
    }
}
