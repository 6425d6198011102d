using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;
using Presale.Domain.Returns.Refunds;
using Presale.Domain.Returns.Triage;
using static Presale.Domain.Tests.Returns.ReturnTestData;

namespace Presale.Domain.Tests.Returns;

public sealed class ReturnRequestLifecycleTests
{
    private static readonly TriageDecision ReviewerRestock = TriageDecision.ByReviewer(TriageAction.Restock, "ana");

    private static ReturnRequest InStatus(ReturnStatus status)
    {
        var twoPhones = Line(Phone, 2);
        switch (status)
        {
            case ReturnStatus.Requested:
                return Requested(null, twoPhones);
            case ReturnStatus.Approved:
                return Approved(null, twoPhones);
            case ReturnStatus.Rejected:
            {
                var request = Requested(null, twoPhones);
                Assert.True(request.Reject("Outside our policy.", At).IsSuccess);
                return request;
            }

            case ReturnStatus.Cancelled:
            {
                var request = Requested(null, twoPhones);
                Assert.True(request.Cancel("Changed my mind about returning.", At).IsSuccess);
                return request;
            }

            case ReturnStatus.InTransit:
                return InTransit(twoPhones);
            case ReturnStatus.PartiallyReceived:
            {
                var request = InTransit(twoPhones);
                Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 1), ConditionGrade.A)], At.AddDays(2)).IsSuccess);
                return request;
            }

            case ReturnStatus.Received:
                return Received(ConditionGrade.A, twoPhones);
            case ReturnStatus.Triaged:
                return Triaged(ConditionGrade.A, twoPhones);
            case ReturnStatus.Refunded:
            {
                var request = Triaged(ConditionGrade.A, twoPhones);
                Assert.True(request.RecordRefund(RefundCalculator.Calculate(request, RefundPolicy.Default, Eur(0m)), At.AddDays(4)).IsSuccess);
                return request;
            }

            case ReturnStatus.Closed:
            {
                var request = Triaged(ConditionGrade.A, twoPhones);
                Assert.True(request.Close("Refunded as store credit at the counter.", At.AddDays(4)).IsSuccess);
                return request;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }

    private static Refund RefundOfR1()
    {
        var triaged = Triaged(ConditionGrade.A, Line(Phone, 2));
        return RefundCalculator.Calculate(triaged, RefundPolicy.Default, Eur(0m));
    }

    private static readonly Dictionary<string, (Func<ReturnRequest, ReturnResult> Attempt, ReturnStatus[] AllowedIn)> Transitions = new()
    {
        ["approve"] = (r => r.Approve(TriageRuleSet.Default, [], Today, At), [ReturnStatus.Requested]),
        ["reject"] = (r => r.Reject("No.", At), [ReturnStatus.Requested]),
        ["cancel"] = (r => r.Cancel("Never mind.", At), [ReturnStatus.Requested, ReturnStatus.Approved, ReturnStatus.InTransit]),
        ["mark in transit"] = (r => r.MarkInTransit(null, At), [ReturnStatus.Approved]),
        ["receive"] = (r => r.Receive([new UnitReceipt(Unit(Phone, 2), ConditionGrade.A)], At),
            [ReturnStatus.Approved, ReturnStatus.InTransit, ReturnStatus.PartiallyReceived, ReturnStatus.Received, ReturnStatus.Triaged]),
        ["decide"] = (r => r.Decide(Unit(Phone, 2), ReviewerRestock, At),
            [ReturnStatus.Approved, ReturnStatus.InTransit, ReturnStatus.PartiallyReceived, ReturnStatus.Received]),
        ["record refund"] = (r => r.RecordRefund(RefundOfR1(), At), [ReturnStatus.Triaged]),
        ["close"] = (r => r.Close("Done.", At), [ReturnStatus.Triaged]),
    };

    public static TheoryData<ReturnStatus, string> EveryStatusAndTransition()
    {
        var data = new TheoryData<ReturnStatus, string>();
        foreach (var status in Enum.GetValues<ReturnStatus>())
        {
            foreach (var transition in Transitions.Keys)
            {
                data.Add(status, transition);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndTransition))]
    public void Transition_OutsideItsStatuses_IsRefusedNamingTheStatus_AndChangesNothing(ReturnStatus status, string transition)
    {
        var request = InStatus(status);
        Assert.Equal(status, request.Status);
        var timeline = request.Timeline.Count;
        var (attempt, allowedIn) = Transitions[transition];

        var result = attempt(request);

        if (allowedIn.Contains(status))
        {
            Assert.NotEqual(ReturnErrorCode.InvalidTransition, result.Error?.Code);
            return;
        }

        Assert.False(result.IsSuccess);
        Assert.Equal(ReturnErrorCode.InvalidTransition, result.Error!.Code);
        Assert.Equal(status, result.Error.Status);
        Assert.Contains($"is {status}", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(status, request.Status);
        Assert.Equal(timeline, request.Timeline.Count);
    }

    [Fact]
    public void Submit_KeepsEligibleLinesAsUnits_AndExplainsTheRest()
    {
        var request = Requested(null, Line(Phone, 2), Line(Earbuds));

        Assert.Equal(ReturnStatus.Requested, request.Status);
        Assert.Equal([Phone], request.Lines.Select(l => l.Sku));
        Assert.Equal([Unit(Phone, 1), Unit(Phone, 2)], request.Units.Select(u => u.Id));
        Assert.False(request.Eligibility.Lines[1].IsEligible);
        Assert.Equal(new ReturnTimelineEntry(ReturnStatus.Requested, At), Assert.Single(request.Timeline));
    }

    [Fact]
    public void Approve_WhenNothingIsEligible_IsRefusedSoTheRequestCanBeRejected()
    {
        var request = Requested(null, Line(Earbuds));

        var result = request.Approve(TriageRuleSet.Default, [], Today, At);

        Assert.Equal(ReturnErrorCode.NothingEligible, result.Error?.Code);
        Assert.True(request.Reject("Nothing on this request can be returned.", At).IsSuccess);
        Assert.Equal(ReturnStatus.Rejected, request.Status);
        Assert.Equal("Nothing on this request can be returned.", request.Timeline[^1].Note);
    }

    [Fact]
    public void Approve_WhenTheLabelCostsMoreThanTheGoods_KeepsEveryUnitAndIsTriagedAtOnce()
    {
        var request = Approved(Eur(8m), Line(Cable, 1));

        Assert.Equal(ReturnStatus.Triaged, request.Status);
        var unit = Assert.Single(request.Units);
        Assert.True(unit.IsKept);
        Assert.False(unit.IsReceived);
        Assert.Equal("keep-it-low-value", unit.Decision!.RuleName);
        Assert.Equal([ReturnStatus.Requested, ReturnStatus.Approved, ReturnStatus.Triaged], request.Timeline.Select(t => t.Status));
    }

    [Fact]
    public void Approve_WhenTheCustomerReturnsOften_DoesNotKeepEvenCheapUnits()
    {
        var request = Requested(Eur(8m), Line(Cable, 1));
        DateOnly[] history = [Today.AddDays(-1), Today.AddDays(-5), Today.AddDays(-9), Today.AddDays(-20), Today.AddDays(-40)];

        Assert.True(request.Approve(TriageRuleSet.Default, history, Today, At).IsSuccess);

        Assert.Equal(ReturnStatus.Approved, request.Status);
        Assert.Null(Assert.Single(request.Units).Decision);
    }

    [Fact]
    public void Receive_SomeUnits_ThenTheRest_MovesThroughPartiallyReceivedToReceived()
    {
        var request = InTransit(Line(Phone, 2));

        Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 1), ConditionGrade.A, "SN-1", "sealed")], At.AddDays(2)).IsSuccess);
        Assert.Equal(ReturnStatus.PartiallyReceived, request.Status);
        Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 2), ConditionGrade.B)], At.AddDays(3)).IsSuccess);

        Assert.Equal(ReturnStatus.Received, request.Status);
        Assert.Equal("SN-1", request.Units[0].Receipt!.Serial);
        Assert.Equal(At.AddDays(2), request.Units[0].ReceivedAt);
    }

    [Fact]
    public void Receive_StraightFromApproved_IsAccepted()
    {
        var request = Approved(null, Line(Phone));

        Assert.True(request.Receive([new UnitReceipt(Unit(Phone), ConditionGrade.A)], At).IsSuccess);
        Assert.Equal(ReturnStatus.Received, request.Status);
    }

    [Fact]
    public void Receive_TheSameReceiptTwice_RecordsOneReceipt()
    {
        var request = InTransit(Line(Phone, 2));
        UnitReceipt[] receipt = [new UnitReceipt(Unit(Phone, 1), ConditionGrade.A, Notes: "first")];
        Assert.True(request.Receive(receipt, At.AddDays(2)).IsSuccess);

        var second = request.Receive([receipt[0] with { Grade = ConditionGrade.D, Notes = "second" }], At.AddDays(3));

        Assert.Equal(ReturnErrorCode.UnitAlreadyReceived, second.Error?.Code);
        Assert.Equal([Unit(Phone, 1)], second.Error!.Units);
        Assert.Equal("first", request.Units[0].Receipt!.Notes);
        Assert.Equal(At.AddDays(2), request.Units[0].ReceivedAt);
    }

    [Fact]
    public void Receive_WhenAnyUnitIsWrong_RecordsNoneOfTheBatch()
    {
        var request = InTransit(Line(Phone, 2));

        var result = request.Receive(
            [new UnitReceipt(Unit(Phone, 1), ConditionGrade.A), new UnitReceipt(Unit(Phone, 3), ConditionGrade.A), new UnitReceipt(Unit(Cable), ConditionGrade.A)],
            At);

        Assert.Equal(ReturnErrorCode.UnknownUnit, result.Error?.Code);
        Assert.Equal([Unit(Phone, 3), Unit(Cable)], result.Error!.Units);
        Assert.All(request.Units, u => Assert.False(u.IsReceived));
        Assert.Equal(ReturnStatus.InTransit, request.Status);
    }

    [Fact]
    public void Receive_WhenUnitsAreWrongInDifferentWays_ListsThemAll()
    {
        var request = InTransit(Line(Phone, 2));
        Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 1), ConditionGrade.A)], At).IsSuccess);

        var result = request.Receive([new UnitReceipt(Unit(Phone, 1), ConditionGrade.A), new UnitReceipt(Unit(Tv), ConditionGrade.A)], At);

        Assert.Equal(ReturnErrorCode.UnknownUnit, result.Error?.Code);
        Assert.Equal([Unit(Tv), Unit(Phone, 1)], result.Error!.Units);
        Assert.Contains("already received", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("PartiallyReceived", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Receive_TheSameUnitTwiceInOneBatch_IsRefused()
    {
        var request = InTransit(Line(Phone, 2));

        var result = request.Receive([new UnitReceipt(Unit(Phone), ConditionGrade.A), new UnitReceipt(Unit(Phone), ConditionGrade.B)], At);

        Assert.Equal(ReturnErrorCode.InvalidReceipt, result.Error?.Code);
        Assert.Equal(ReturnErrorCode.InvalidReceipt, request.Receive([], At).Error?.Code);
        Assert.All(request.Units, u => Assert.False(u.IsReceived));
    }

    [Fact]
    public void Receive_AKeptUnit_IsRefusedAsNotExpected()
    {
        var request = Approved(Eur(8m), Line(Cable, 1));
        Assert.True(request.Units[0].IsKept);

        // The return is already triaged (everything kept): the unit is refused, not silently received.
        var result = request.Receive([new UnitReceipt(Unit(Cable), ConditionGrade.A)], At);

        Assert.Equal(ReturnErrorCode.UnitNotExpected, result.Error?.Code);
    }

    [Fact]
    public void Triage_DecidesEachReceivedUnitOnce_RecordingTheRule()
    {
        var request = InTransit(Line(Phone, 2), Line(Cable, 2));
        Assert.True(request.Receive(
            [new UnitReceipt(Unit(Phone, 1), ConditionGrade.A), new UnitReceipt(Unit(Phone, 2), ConditionGrade.B), new UnitReceipt(Unit(Cable, 1), ConditionGrade.D)],
            At.AddDays(2)).IsSuccess);

        var first = request.Triage(TriageRuleSet.Default, [], Today, At.AddDays(2));
        var second = request.Triage(TriageRuleSet.Default, [], Today, At.AddDays(2));

        Assert.Equal(
            [(Unit(Phone, 1), TriageAction.Restock, "sealed-restock"), (Unit(Phone, 2), TriageAction.Refurbish, "opened-open-box"), (Unit(Cable, 1), TriageAction.Scrap, "damaged")],
            first.Select(d => (d.UnitId, d.Decision.Action, d.Decision.RuleName!)));
        Assert.Empty(second);
        Assert.Equal(ReturnStatus.PartiallyReceived, request.Status); // the second cable is still on its way

        Assert.True(request.Receive([new UnitReceipt(Unit(Cable, 2), ConditionGrade.A)], At.AddDays(3)).IsSuccess);
        Assert.Equal([Unit(Cable, 2)], request.Triage(TriageRuleSet.Default, [], Today, At.AddDays(3)).Select(d => d.UnitId));
        Assert.Equal(ReturnStatus.Triaged, request.Status);
    }

    [Fact]
    public void Triage_HighValueUnit_WaitsForAReviewer_WhoDecidesOnce()
    {
        var request = Received(ConditionGrade.A, Line(Tv));

        var decided = Assert.Single(request.Triage(TriageRuleSet.Default, [], Today, At));

        Assert.Equal((TriageAction.ManualReview, "high-value"), (decided.Decision.Action, decided.Decision.RuleName));
        Assert.True(request.IsAwaitingReview);
        Assert.Equal(ReturnStatus.Received, request.Status);
        Assert.Empty(request.Triage(TriageRuleSet.Default, [], Today, At)); // the timer leaves it to the reviewer

        Assert.Equal(ReturnErrorCode.InvalidDecision, request.Decide(Unit(Tv), TriageDecision.ByReviewer(TriageAction.ManualReview, "ana"), At).Error?.Code);
        Assert.True(request.Decide(Unit(Tv), TriageDecision.ByReviewer(TriageAction.Restock, "ana", "box intact"), At.AddHours(2)).IsSuccess);
        var again = request.Decide(Unit(Tv), TriageDecision.ByReviewer(TriageAction.Scrap, "bo"), At.AddHours(3));

        Assert.Equal(ReturnStatus.Triaged, request.Status);
        Assert.False(request.IsAwaitingReview);
        Assert.Equal("reviewer ana", request.Units[0].Decision!.Basis);
        Assert.Equal(ReturnErrorCode.InvalidTransition, again.Error?.Code); // triaged: nothing is decided twice
    }

    [Fact]
    public void Decide_AUnitAlreadyDecided_IsRefusedNamingTheFirstDecision()
    {
        var request = InTransit(Line(Phone, 2));
        Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 1), ConditionGrade.A), new UnitReceipt(Unit(Phone, 2), ConditionGrade.A)], At).IsSuccess);
        Assert.True(request.Decide(Unit(Phone, 1), ReviewerRestock, At).IsSuccess);

        var result = request.Decide(Unit(Phone, 1), TriageDecision.ByReviewer(TriageAction.Scrap, "bo"), At);

        Assert.Equal(ReturnErrorCode.UnitAlreadyDecided, result.Error?.Code);
        Assert.Contains("Restock by reviewer ana", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(TriageAction.Restock, request.Units[0].Decision!.Action);
    }

    [Fact]
    public void Decide_BeforeReceipt_OnlyKeepItIsAllowed()
    {
        var request = InTransit(Line(Phone, 2));

        Assert.Equal(ReturnErrorCode.UnitNotReceived, request.Decide(Unit(Phone, 1), ReviewerRestock, At).Error?.Code);
        Assert.Equal(ReturnErrorCode.UnknownUnit, request.Decide(Unit(Cable), ReviewerRestock, At).Error?.Code);
        Assert.True(request.Decide(Unit(Phone, 1), TriageDecision.ByReviewer(TriageAction.KeepIt, "ana", "lost by carrier"), At).IsSuccess);
        Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 2), ConditionGrade.A)], At).IsSuccess);

        Assert.Equal(ReturnStatus.Received, request.Status); // unit 1 is no longer expected back
        Assert.Equal(ReturnErrorCode.InvalidDecision, request.Decide(Unit(Phone, 2), TriageDecision.ByReviewer(TriageAction.KeepIt, "ana"), At).Error?.Code);
        Assert.Single(request.Triage(TriageRuleSet.Default, [], Today, At));
        Assert.Equal(ReturnStatus.Triaged, request.Status);
    }

    [Fact]
    public void Decide_Reject_IsAReviewersDecisionForAReceivedUnit()
    {
        var request = InTransit(Line(Phone, 2));
        Assert.True(request.Receive([new UnitReceipt(Unit(Phone, 1), ConditionGrade.D)], At).IsSuccess);
        var byRule = new TriageDecision(TriageAction.Reject, DecisionSource.Rule, "some-rule", null, null);

        Assert.Equal(ReturnErrorCode.InvalidDecision, request.Decide(Unit(Phone, 1), byRule, At).Error?.Code);
        Assert.Equal(ReturnErrorCode.UnitNotReceived, request.Decide(Unit(Phone, 2), TriageDecision.ByReviewer(TriageAction.Reject, "ana"), At).Error?.Code);
        Assert.True(request.Decide(Unit(Phone, 1), TriageDecision.ByReviewer(TriageAction.Reject, "ana", "water damage"), At).IsSuccess);

        Assert.True(request.Units[0].IsRejected);
        Assert.Equal(ReturnStatus.PartiallyReceived, request.Status);
    }

    [Fact]
    public void Decide_ReturnToVendor_RaisesOneSupplierClaimPerUnit()
    {
        var request = Received(ConditionGrade.C, Line(Phone, 1, ReturnReason.Defective));

        var decision = Assert.Single(request.Triage(TriageRuleSet.Default, [], Today, At.AddDays(5)));

        Assert.Equal(TriageAction.ReturnToVendor, decision.Decision.Action);
        var claim = Assert.Single(request.SupplierClaims);
        Assert.Equal(
            new SupplierClaim("R-1:PHONE-1:1", ReturnId, OrderId, "SUP-1", Unit(Phone), ReturnReason.Defective, ConditionGrade.C, Eur(200m),
                new DateOnly(2027, 11, 1), "rule 'defective-under-warranty'", At.AddDays(5)),
            claim);
    }

    [Fact]
    public void RecordRefund_ForAnotherReturn_IsRefused()
    {
        var request = Triaged(ConditionGrade.A, Line(Phone));
        var refund = RefundCalculator.Calculate(request, RefundPolicy.Default, Eur(0m));

        var result = request.RecordRefund(refund with { ReturnId = "R-2", Key = "R-2" }, At);

        Assert.Equal(ReturnErrorCode.RefundMismatch, result.Error?.Code);
        Assert.True(request.RecordRefund(refund, At).IsSuccess);
        Assert.Equal(ReturnStatus.Refunded, request.Status);
        Assert.Same(refund, request.Refund);
        Assert.Contains("already has its refund", request.RecordRefund(refund, At).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_FromASnapshot_ContinuesTheLifecycle()
    {
        var original = Received(ConditionGrade.A, Line(Phone, 2));

        var restored = ReturnRequest.Restore(original.ToSnapshot());
        var decisions = restored.Triage(TriageRuleSet.Default, [], Today, At);

        Assert.Equal(2, decisions.Count);
        Assert.Equal(ReturnStatus.Triaged, restored.Status);
        Assert.Equal(ReturnStatus.Received, original.Status); // the snapshot is a copy, not shared state
        Assert.Equal(original.Timeline, restored.Timeline.Take(original.Timeline.Count));
    }

    [Fact]
    public void Submit_WithAnInvalidId_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            ReturnRequest.Submit("R/1", Order(), Intake(Line(Phone)), new ReturnEligibilityPolicy(), Today, At));
    }
}
