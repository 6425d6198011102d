using Presale.Domain.Common;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Triage;

namespace Presale.Domain.Tests.Returns;

/// <summary>Builders for return tests: one delivered order, intakes against it, returns in each lifecycle status.</summary>
internal static class ReturnTestData
{
    public const string OrderId = "O-1";
    public const string CustomerId = "C-1";
    public const string ReturnId = "R-1";

    public static readonly DateOnly DeliveredOn = new(2026, 11, 1);
    public static readonly DateOnly Today = new(2026, 11, 20);
    public static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public static readonly Sku Phone = Sku.From("PHONE-1");
    public static readonly Sku Cable = Sku.From("CABLE-1");
    public static readonly Sku Earbuds = Sku.From("EARBUDS-1");
    public static readonly Sku Tv = Sku.From("TV-1");

    public static Money Eur(decimal amount) => new(amount, "EUR");

    public static ReturnableOrderLine PhoneLine() =>
        new(Phone, "electronics", 3, 0, Eur(200m), DeliveredOn, "SUP-1", new DateOnly(2027, 11, 1), Returnable: true);

    public static ReturnableOrderLine CableLine() =>
        new(Cable, "accessories", 2, 0, Eur(5m), DeliveredOn, "SUP-2", null, Returnable: true);

    public static ReturnableOrderLine EarbudsLine() =>
        new(Earbuds, "hygiene", 1, 0, Eur(30m), DeliveredOn, "SUP-2", null, Returnable: false);

    public static ReturnableOrderLine TvLine() =>
        new(Tv, "electronics", 1, 0, Eur(900m), DeliveredOn, "SUP-3", new DateOnly(2028, 1, 1), Returnable: true);

    public static ReturnableOrder Order(params ReturnableOrderLine[] lines) =>
        new(OrderId, CustomerId, "EUR", lines.Length > 0 ? lines : [PhoneLine(), CableLine(), EarbudsLine(), TvLine()]);

    public static ReturnIntake Intake(params ReturnIntakeLine[] lines) => new(OrderId, CustomerId, lines);

    public static ReturnIntakeLine Line(Sku sku, int quantity = 1, ReturnReason reason = ReturnReason.ChangedMind) =>
        new(sku, quantity, reason);

    /// <summary>A requested return of <paramref name="lines"/> against the default order.</summary>
    public static ReturnRequest Requested(Money? labelCost = null, params ReturnIntakeLine[] lines) =>
        ReturnRequest.Submit(ReturnId, Order(), Intake(lines) with { ReturnShippingCost = labelCost }, new ReturnEligibilityPolicy(), Today, At);

    /// <summary>An approved return (default rules, no return history) of <paramref name="lines"/>.</summary>
    public static ReturnRequest Approved(Money? labelCost = null, params ReturnIntakeLine[] lines)
    {
        var request = Requested(labelCost, lines);
        Assert.True(request.Approve(TriageRuleSet.Default, [], Today, At).IsSuccess);
        return request;
    }

    public static ReturnRequest InTransit(params ReturnIntakeLine[] lines)
    {
        var request = Approved(null, lines);
        Assert.True(request.MarkInTransit("TRACK-1", At.AddHours(1)).IsSuccess);
        return request;
    }

    /// <summary>An in-transit return whose every unit has been received with <paramref name="grade"/>.</summary>
    public static ReturnRequest Received(ConditionGrade grade, params ReturnIntakeLine[] lines)
    {
        var request = InTransit(lines);
        var receipts = request.Units.Select(u => new UnitReceipt(u.Id, grade)).ToArray();
        Assert.True(request.Receive(receipts, At.AddDays(3)).IsSuccess);
        return request;
    }

    /// <summary>A received return whose units were all triaged by the default rules.</summary>
    public static ReturnRequest Triaged(ConditionGrade grade, params ReturnIntakeLine[] lines)
    {
        var request = Received(grade, lines);
        request.Triage(TriageRuleSet.Default, [], Today.AddDays(3), At.AddDays(3).AddHours(1));
        Assert.Equal(ReturnStatus.Triaged, request.Status);
        return request;
    }

    public static ReturnUnitId Unit(Sku sku, int ordinal = 1) => new(sku, ordinal);
}
