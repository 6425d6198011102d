using Presale.Domain.Common;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;
using static Presale.Domain.Tests.Returns.ReturnTestData;

namespace Presale.Domain.Tests.Returns;

public sealed class ReturnEligibilityTests
{
    private static readonly ReturnEligibilityPolicy DefaultPolicy = new();

    private static EligibilityResult Evaluate(ReturnIntake intake, ReturnEligibilityPolicy? policy = null, DateOnly? today = null, ReturnableOrder? order = null) =>
        ReturnEligibility.Evaluate(order ?? Order(), intake, policy ?? DefaultPolicy, today ?? Today);

    private static IneligibilityCode[] Codes(LineEligibility line) => line.Reasons.Select(r => r.Code).ToArray();

    [Fact]
    public void Evaluate_WhenLineWithinWindowAndQuantity_IsEligible()
    {
        var result = Evaluate(Intake(Line(Phone, 2)));

        Assert.True(result.AnyEligible);
        var line = Assert.Single(result.Lines);
        Assert.True(line.IsEligible);
        Assert.Equal(DeliveredOn.AddDays(30), line.LastReturnDay);
    }

    [Theory]
    [InlineData(30, true)] // the last day of a 30-day window is still open
    [InlineData(31, false)]
    public void Evaluate_AtTheEdgeOfTheDefaultWindow_ClosesTheDayAfterTheLastDay(int daysAfterDelivery, bool eligible)
    {
        var line = Assert.Single(Evaluate(Intake(Line(Phone)), today: DeliveredOn.AddDays(daysAfterDelivery)).Lines);

        Assert.Equal(eligible, line.IsEligible);
        if (!eligible)
        {
            var reason = Assert.Single(line.Reasons);
            Assert.Equal(IneligibilityCode.WindowClosed, reason.Code);
            Assert.Contains("2026-12-01", reason.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_UsesTheCategoryWindow_CaseInsensitively()
    {
        var policy = new ReturnEligibilityPolicy { WindowDaysByCategory = new Dictionary<string, int> { ["ELECTRONICS"] = 14 } };

        var phone = Evaluate(Intake(Line(Phone), Line(Cable)), policy, DeliveredOn.AddDays(15));

        Assert.Equal([IneligibilityCode.WindowClosed], Codes(phone.Lines[0]));
        Assert.True(phone.Lines[1].IsEligible); // accessories keep the 30-day default
    }

    [Fact]
    public void Evaluate_WhenCustomerDidNotPlaceTheOrder_RefusesTheWholeRequest()
    {
        var result = Evaluate(Intake(Line(Phone)) with { CustomerId = "C-2" });

        Assert.False(result.AnyEligible);
        Assert.Equal(IneligibilityCode.NotOrderOwner, Assert.Single(result.RequestReasons).Code);
        Assert.Empty(result.EligibleLines);
    }

    [Fact]
    public void Evaluate_WhenNoLines_RefusesTheRequest()
    {
        var result = Evaluate(Intake());

        Assert.False(result.AnyEligible);
        Assert.Equal(IneligibilityCode.NoLines, Assert.Single(result.RequestReasons).Code);
    }

    [Fact]
    public void Evaluate_WhenSkuNotOnOrder_ExplainsIt()
    {
        var line = Assert.Single(Evaluate(Intake(Line(Sku.From("OTHER-1")))).Lines);

        Assert.Equal([IneligibilityCode.NotOnOrder], Codes(line));
    }

    [Fact]
    public void Evaluate_WhenSkuListedTwice_RejectsTheRepeat()
    {
        var result = Evaluate(Intake(Line(Phone), Line(Phone)));

        Assert.True(result.Lines[0].IsEligible);
        Assert.Equal([IneligibilityCode.DuplicateLine], Codes(result.Lines[1]));
    }

    [Theory]
    [InlineData(3, 0, 3, true)]
    [InlineData(3, 0, 4, false)]
    [InlineData(3, 2, 1, true)]
    [InlineData(3, 2, 2, false)]
    [InlineData(3, 3, 1, false)]
    public void Evaluate_QuantityIsAtMostDeliveredMinusAlreadyReturned(int delivered, int alreadyReturned, int requested, bool eligible)
    {
        var order = Order(PhoneLine() with { QuantityDelivered = delivered, QuantityAlreadyReturned = alreadyReturned });

        var line = Assert.Single(Evaluate(Intake(Line(Phone, requested)), order: order).Lines);

        Assert.Equal(eligible ? [] : [IneligibilityCode.QuantityExceedsReturnable], Codes(line));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Evaluate_WhenQuantityNotPositive_ExplainsIt(int quantity)
    {
        var line = Assert.Single(Evaluate(Intake(Line(Phone, quantity))).Lines);

        Assert.Equal([IneligibilityCode.QuantityNotPositive], Codes(line));
    }

    [Fact]
    public void Evaluate_WhenProductMarkedNonReturnable_ExplainsIt()
    {
        var line = Assert.Single(Evaluate(Intake(Line(Earbuds))).Lines);

        Assert.Equal([IneligibilityCode.ProductNotReturnable], Codes(line));
    }

    [Fact]
    public void Evaluate_WhenPolicyExcludesSkuOrCategory_ExplainsEach()
    {
        var policy = new ReturnEligibilityPolicy
        {
            NonReturnableSkus = new HashSet<Sku> { Phone },
            NonReturnableCategories = new HashSet<string> { "Accessories" },
        };

        var result = Evaluate(Intake(Line(Phone), Line(Cable)), policy);

        Assert.Equal([IneligibilityCode.SkuNotReturnable], Codes(result.Lines[0]));
        Assert.Equal([IneligibilityCode.CategoryNotReturnable], Codes(result.Lines[1]));
    }

    [Fact]
    public void Evaluate_WhenNotDelivered_ExplainsIt()
    {
        var order = Order(PhoneLine() with { DeliveredOn = null });

        var line = Assert.Single(Evaluate(Intake(Line(Phone)), order: order).Lines);

        Assert.Equal([IneligibilityCode.NotDelivered], Codes(line));
        Assert.Null(line.LastReturnDay);
    }

    [Fact]
    public void Evaluate_ListsEveryReasonAgainstALine()
    {
        var order = Order(PhoneLine() with { Returnable = false, QuantityDelivered = 1 });

        var line = Assert.Single(Evaluate(Intake(Line(Phone, 2)), today: DeliveredOn.AddDays(60), order: order).Lines);

        Assert.Equal(
            [IneligibilityCode.QuantityExceedsReturnable, IneligibilityCode.ProductNotReturnable, IneligibilityCode.WindowClosed],
            Codes(line));
        Assert.All(line.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Fact]
    public void Evaluate_MixedLines_KeepsTheEligibleOnes()
    {
        var result = Evaluate(Intake(Line(Phone), Line(Earbuds)));

        Assert.True(result.AnyEligible);
        Assert.Equal([Phone], result.EligibleLines.Select(l => l.Sku));
    }

    [Fact]
    public void Policy_Validate_ListsEveryProblem()
    {
        var policy = new ReturnEligibilityPolicy
        {
            DefaultWindowDays = -1,
            WindowDaysByCategory = new Dictionary<string, int> { ["toys"] = 5000, ["Toys"] = 10 },
            NonReturnableCategories = new HashSet<string> { "toys" },
        };

        var errors = policy.Validate();

        Assert.Contains(errors, e => e.StartsWith("DefaultWindowDays", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("WindowDaysByCategory:toys", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("also listed in NonReturnableCategories", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("more than once", StringComparison.Ordinal));
        Assert.Empty(new ReturnEligibilityPolicy().Validate());
    }
}
