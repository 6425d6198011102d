using Presale.Application.Returns;
using Presale.Domain.Returns;

namespace Presale.Application.Tests.Returns;

public sealed class ReturnConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SameReceiptPostedTwiceAtOnce_IsRecordedOnce_AndTheOtherIsRefused()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 2, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 2, ReturnReason.ChangedMind)));
        h.Gate.Arm("return|", parties: 2);

        var results = await Task.WhenAll(
            h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A), ("HEADSET-1:2", ConditionGrade.B)),
            h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A), ("HEADSET-1:2", ConditionGrade.B)));

        Assert.Single(results, r => r is ReturnCommandResult.Done);
        var refused = Assert.IsType<ReturnCommandResult.Refused>(Assert.Single(results, r => r is ReturnCommandResult.Refused)).Error;
        Assert.Equal(ReturnErrorCode.UnitAlreadyReceived, refused.Code);
        var view = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;
        Assert.Single(view.Timeline, t => t.Status == ReturnStatus.Received);
        Assert.All(view.Units, u => Assert.NotNull(u.ReceivedAt));
    }

    [Fact]
    public async Task TriageTimerRunningTwiceAtOnce_DecidesEachUnitOnce()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 3, 40m));
        var onHand = await h.OnHandAsync("HEADSET-1");
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 3, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A), ("HEADSET-1:2", ConditionGrade.A), ("HEADSET-1:3", ConditionGrade.D)));
        h.Gate.Arm("return|", parties: 2);

        var runs = await Task.WhenAll(h.Triage.RunAsync(Ct), h.Triage.RunAsync(Ct));

        Assert.Equal(3, runs.Sum(r => r.UnitsDecided));
        Assert.Single(runs, r => r.UnitsDecided == 3);
        var view = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;
        Assert.Equal(ReturnStatus.Refunded, view.Status);
        Assert.Single(view.Timeline, t => t.Status == ReturnStatus.Triaged);
        Assert.Equal(onHand + 2, await h.OnHandAsync("HEADSET-1"));
        Assert.Single(h.PublishedTo(h.Notifications.Queue));
        Assert.Equal(2, h.PublishedTo(h.Ordering.Options.ReconcileQueue).Count(p => p.Message.Subject == ReturnRestockedMessage.Restocked));
    }

    [Fact]
    public async Task CancelAndReceiptAtOnce_OnlyOneHappens_AndTheUnitsAreReleasedOnlyIfTheCancelWon()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        h.Gate.Arm("return|", parties: 2);

        var results = await Task.WhenAll(
            h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest("c1", null, null), Ct),
            h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));

        var done = Assert.IsType<ReturnCommandResult.Done>(Assert.Single(results, r => r is ReturnCommandResult.Done));
        var refused = Assert.IsType<ReturnCommandResult.Refused>(Assert.Single(results, r => r is ReturnCommandResult.Refused)).Error;
        Assert.Equal(ReturnErrorCode.InvalidTransition, refused.Code);
        var view = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;
        Assert.Equal(done.Return.Status, view.Status);
        var returned = (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none");
        Assert.Equal(view.Status == ReturnStatus.Cancelled ? 0 : 1, returned);
        Assert.Equal(view.Status == ReturnStatus.Cancelled, view.Units[0].ReceivedAt is null);
    }
}
