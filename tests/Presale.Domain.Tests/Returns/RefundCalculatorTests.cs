using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Common;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;
using static Presale.Domain.Tests.Returns.ReturnTestData;

namespace Presale.Domain.Tests.Returns;

public sealed class RefundCalculatorTests
{
    private static readonly Money OriginalShipping = Eur(4.95m);

    /// <summary>A return of <paramref name="quantity"/> units of one line, received in <paramref name="grade"/> and restocked by a reviewer.</summary>
    private static ReturnRequest Decided(ReturnableOrderLine orderLine, int quantity, ReturnReason reason, ConditionGrade grade, Money? label)
    {
        var request = ReturnRequest.Submit(
            ReturnId, Order(orderLine), Intake(Line(orderLine.Sku, quantity, reason)) with { ReturnShippingCost = label },
            new ReturnEligibilityPolicy(), Today, At);
        Assert.True(request.Approve(TriageRuleSet.Create([]).RuleSet!, [], Today, At).IsSuccess);
        Assert.True(request.Receive(request.Units.Select(u => new UnitReceipt(u.Id, grade)).ToArray(), At).IsSuccess);
        foreach (var unit in request.Units.ToArray())
        {
            Assert.True(request.Decide(unit.Id, TriageDecision.ByReviewer(TriageAction.Restock, "ana"), At).IsSuccess);
        }

        return request;
    }

    public static TheoryData<string, ReturnReason, ConditionGrade, decimal, string?, decimal, decimal, decimal> Table() => new()
    {
        // scenario, reason, grade, fee, fee rule, shipping refunded, label deducted, total (one 200.00 phone, label 6.00)
        { "sealed, changed mind: no fee, label deducted", ReturnReason.ChangedMind, ConditionGrade.A, 0m, "sealed", 0m, 6m, 194m },
        { "opened, changed mind: 15 % fee", ReturnReason.ChangedMind, ConditionGrade.B, 30m, "opened", 0m, 6m, 164m },
        { "opened, does not fit: 15 % fee", ReturnReason.DoesNotFit, ConditionGrade.B, 30m, "opened", 0m, 6m, 164m },
        { "defective found at inspection: no fee", ReturnReason.ChangedMind, ConditionGrade.C, 0m, "defective", 0m, 6m, 194m },
        { "damaged after a change of mind: 50 % fee", ReturnReason.ChangedMind, ConditionGrade.D, 100m, "damaged", 0m, 6m, 94m },
        { "defective: shop at fault, shipping back", ReturnReason.Defective, ConditionGrade.C, 0m, "shop-at-fault", 4.95m, 0m, 204.95m },
        { "wrong item opened: shop at fault", ReturnReason.WrongItem, ConditionGrade.B, 0m, "shop-at-fault", 4.95m, 0m, 204.95m },
        { "damaged in transit: shop at fault", ReturnReason.DamagedInTransit, ConditionGrade.D, 0m, "shop-at-fault", 4.95m, 0m, 204.95m },
        { "late: shop at fault", ReturnReason.ArrivedLate, ConditionGrade.A, 0m, "shop-at-fault", 4.95m, 0m, 204.95m },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Calculate_AppliesFeeAndShippingRules(
        string scenario, ReturnReason reason, ConditionGrade grade, decimal fee, string? feeRule, decimal shipping, decimal label, decimal total)
    {
        var request = Decided(PhoneLine(), 1, reason, grade, Eur(6m));

        var refund = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);

        var line = Assert.Single(refund.Lines);
        Assert.True(Eur(fee) == line.RestockingFee, scenario);
        Assert.Equal(feeRule, Assert.Single(line.Fees).RuleName);
        Assert.Equal(Eur(200m), line.Gross);
        Assert.Equal(Eur(200m - fee), line.Net);
        Assert.Equal(Eur(shipping), refund.OriginalShippingRefund);
        Assert.Equal(Eur(label), refund.ReturnLabelDeduction);
        Assert.Equal(Eur(total), refund.Total);
    }

    [Fact]
    public void Calculate_RoundsTheFeePerUnit_AndMultipliesThePricePerLine()
    {
        var request = Decided(PhoneLine() with { UnitPrice = Eur(19.99m) }, 2, ReturnReason.ChangedMind, ConditionGrade.B, null);

        var line = Assert.Single(RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping).Lines);

        Assert.Equal(Eur(39.98m), line.Gross);
        Assert.Equal([Eur(3.00m), Eur(3.00m)], line.Fees.Select(f => f.Amount)); // 15 % of 19.99 = 2.9985
        Assert.Equal(Eur(33.98m), line.Net);
    }

    [Fact]
    public void Calculate_KeptUnits_AreRefundedWithoutFeeOrLabelDeduction()
    {
        var request = Approved(Eur(12m), Line(Cable, 2)); // two cables worth 10.00 against a 12.00 label
        Assert.Equal(ReturnStatus.Triaged, request.Status);

        var refund = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);

        Assert.Equal(Eur(10m), refund.Total);
        Assert.Equal(Eur(0m), refund.ReturnLabelDeduction);
        Assert.All(refund.Lines[0].Fees, f => Assert.Null(f.RuleName));
    }

    [Fact]
    public void Calculate_RejectedUnits_AreNotRefunded()
    {
        var request = Received(ConditionGrade.A, Line(Phone, 2), Line(Cable, 1));
        Assert.True(request.Decide(Unit(Phone, 1), TriageDecision.ByReviewer(TriageAction.Reject, "ana", "not the phone we sold"), At).IsSuccess);
        Assert.True(request.Decide(Unit(Cable, 1), TriageDecision.ByReviewer(TriageAction.Reject, "ana"), At).IsSuccess);
        request.Triage(TriageRuleSet.Default, [], Today, At);
        Assert.Equal(ReturnStatus.Triaged, request.Status);

        var refund = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);

        // One phone of two refunded; the cable line, wholly rejected, has no refund line.
        var line = Assert.Single(refund.Lines);
        Assert.Equal((Phone, 1, Eur(200m)), (line.Sku, line.Units, line.Gross));
        Assert.Equal(Eur(200m), refund.Total);
    }

    [Fact]
    public void Calculate_WithShippingRulesSwitchedOff_NeitherRefundsNorDeducts()
    {
        var policy = RefundPolicy.Default with { RefundOriginalShippingWhenShopAtFault = false, DeductReturnLabelWhenCustomerAtFault = false };

        var faulty = RefundCalculator.Calculate(Decided(PhoneLine(), 1, ReturnReason.Defective, ConditionGrade.C, Eur(6m)), policy, OriginalShipping);
        var changedMind = RefundCalculator.Calculate(Decided(PhoneLine(), 1, ReturnReason.ChangedMind, ConditionGrade.A, Eur(6m)), policy, OriginalShipping);

        Assert.Equal(Eur(200m), faulty.Total);
        Assert.Equal(Eur(200m), changedMind.Total);
    }

    [Fact]
    public void Calculate_ShippingAlreadyRefundedByAnEarlierReturn_IsNotRefundedAgain()
    {
        var refund = RefundCalculator.Calculate(Decided(PhoneLine(), 1, ReturnReason.Defective, ConditionGrade.C, null), RefundPolicy.Default, Eur(0m));

        Assert.Equal(Eur(0m), refund.OriginalShippingRefund);
        Assert.Equal(Eur(200m), refund.Total);
    }

    [Fact]
    public void Calculate_WhenTheLabelCostsMoreThanTheRefund_TotalIsZeroNotNegative()
    {
        var request = Decided(CableLine(), 1, ReturnReason.ChangedMind, ConditionGrade.D, Eur(6m));

        var refund = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);

        Assert.Equal(Eur(2.5m), refund.Goods);
        Assert.Equal(Eur(2.5m), refund.ReturnLabelDeduction);
        Assert.Equal(Eur(0m), refund.Total);
    }

    [Fact]
    public void Calculate_IsKeyedByTheReturn_SoStorageCanStoreItOnce()
    {
        var request = Decided(PhoneLine(), 1, ReturnReason.ChangedMind, ConditionGrade.A, null);

        var first = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);
        var second = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);

        Assert.Equal(ReturnId, first.Key);
        Assert.Equal((first.Key, first.Total), (second.Key, second.Total));
    }

    [Fact]
    public void Calculate_BeforeEveryUnitIsDecided_Throws()
    {
        var request = Received(ConditionGrade.A, Line(Phone));

        Assert.Throws<InvalidOperationException>(() => RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping));
    }

    [Fact]
    public void Calculate_NeverRefundsMoreThanPaidPlusShipping_NorLessThanZero()
    {
        var cases =
            from cents in Gen.Choose(1, 1_000_000)
            from quantity in Gen.Choose(1, 3)
            from reason in Gen.Elements(Enum.GetValues<ReturnReason>())
            from grade in Gen.Elements(Enum.GetValues<ConditionGrade>())
            from labelCents in Gen.Choose(0, 5_000)
            select (Price: cents / 100m, quantity, reason, grade, Label: labelCents / 100m);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var request = Decided(PhoneLine() with { UnitPrice = Eur(c.Price) }, c.quantity, c.reason, c.grade, Eur(c.Label));
            var refund = RefundCalculator.Calculate(request, RefundPolicy.Default, OriginalShipping);
            var paid = c.Price * c.quantity;
            return refund.Total.Amount >= 0m
                && refund.Total.Amount <= paid + OriginalShipping.Amount
                && refund.Lines.All(l => l.RestockingFee.Amount >= 0m && l.RestockingFee <= l.Gross)
                && refund.Total == refund.Goods + refund.OriginalShippingRefund - refund.ReturnLabelDeduction;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Policy_Validate_ListsEveryProblem()
    {
        var policy = RefundPolicy.Default with
        {
            RestockingFees =
            [
                new("too-much", null, null, 120m),
                new("", new HashSet<ReturnReason>(), null, 10m),
                new("too-much", null, null, 5m),
            ],
        };

        var errors = policy.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("FeePercent must be between 0 and 100, not 120", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Name is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("empty reason or grade list", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("name 'too-much' is used 2 times", StringComparison.Ordinal));
        Assert.Empty(RefundPolicy.Default.Validate());
    }
}
