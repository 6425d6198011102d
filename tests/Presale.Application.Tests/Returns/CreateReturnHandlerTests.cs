using Presale.Application.Notifications;
using Presale.Application.Orders;
using Presale.Application.Returns;
using Presale.Domain.Notifications;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Eligibility;

namespace Presale.Application.Tests.Returns;

public sealed class CreateReturnHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WhenOneLineEligible_ApprovesItAndExplainsTheOther()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 2, 40m), ("CABLE-1", 1, 5m));

        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind), ("CABLE-1", 2, ReturnReason.ChangedMind)));

        Assert.Equal(ReturnStatus.Approved, created.Status);
        var line = Assert.Single(created.Lines);
        Assert.Equal("HEADSET-1", line.Sku);
        Assert.Equal(["HEADSET-1:1"], line.Units);
        var refused = Assert.Single(created.Eligibility.Lines, l => !l.Eligible);
        Assert.Equal(IneligibilityCode.QuantityExceedsReturnable, Assert.Single(refused.Reasons).Code);
        Assert.Equal([ReturnStatus.Requested, ReturnStatus.Approved], created.Timeline.Select(t => t.Status));
    }

    [Fact]
    public async Task Create_ForAnotherCustomersOrder_IsRefusedAndStoresNothing()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));

        var result = await h.Create.CreateAsync("k1", ReturnsHarness.Request(orderId, "someone-else", ("HEADSET-1", 1, ReturnReason.ChangedMind)), Ct);

        Assert.IsType<CreateReturnResult.NotOrderOwner>(result);
        Assert.Null(await h.Returns.GetAsync(ReturnIds.ForIdempotencyKey("k1").ReturnId, Ct));
        Assert.Empty(h.PublishedTo(h.Notifications.Queue));
        Assert.IsType<CreateReturnResult.OrderNotFound>(await h.Create.CreateAsync("k2", ReturnsHarness.Request("no-such-order", "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)), Ct));
    }

    [Fact]
    public async Task Create_WhenNothingEligible_IsRecordedRejectedWithEveryReason_AndTheCustomerIsTold()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));

        var rejected = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 2, ReturnReason.ChangedMind), ("NOT-ON-ORDER", 1, ReturnReason.ChangedMind)));

        Assert.Equal(ReturnStatus.Rejected, rejected.Status);
        Assert.False(rejected.Eligibility.Eligible);
        Assert.Contains(rejected.Eligibility.Lines, l => l.Reasons.Any(r => r.Code == IneligibilityCode.QuantityExceedsReturnable));
        Assert.Contains(rejected.Eligibility.Lines, l => l.Reasons.Any(r => r.Code == IneligibilityCode.NotOnOrder));
        Assert.Empty(rejected.Units);
        var entry = rejected.Timeline[^1];
        Assert.Equal([ReturnStatus.Requested, ReturnStatus.Rejected], rejected.Timeline.Select(t => t.Status));
        Assert.Contains("NOT-ON-ORDER is not on order", entry.Note, StringComparison.Ordinal);
        Assert.Contains("Only 1 unit(s) of SKU HEADSET-1", entry.Note, StringComparison.Ordinal);

        var stored = await h.Returns.GetAsync(rejected.ReturnId, Ct);
        Assert.Equal(ReturnStatus.Rejected, stored!.Request.Status);
        var notice = NotificationMessageSerializer.Deserialize(Assert.Single(h.PublishedTo(h.Notifications.Queue)).Message.Body).Notification;
        Assert.Equal((NotificationKind.ReturnDecided, ReturnDecision.Rejected, "c1", rejected.ReturnId), (notice.Kind, notice.ReturnDecision, notice.CustomerId, notice.ReturnId));

        // A rejected return takes no units and does not count as a return in the customer's history.
        Assert.Equal(0, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
        Assert.Empty(await h.Returns.CustomerReturnDaysAsync("c1", "none", Ct));
        Assert.Equal(ReturnStatus.Approved, (await h.CreatedAsync("k2", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)))).Status);
    }

    [Fact]
    public async Task Create_AfterTheWindowClosed_IsRejectedWithTheLastDay()
    {
        var h = new ReturnsHarness(configure: o => o.WindowDaysByCategory["audio"] = 14);
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        h.Time.Advance(TimeSpan.FromDays(15));

        var rejected = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));

        Assert.Equal(ReturnStatus.Rejected, rejected.Status);
        var line = Assert.Single(rejected.Eligibility.Lines);
        Assert.Equal(IneligibilityCode.WindowClosed, Assert.Single(line.Reasons).Code);
        Assert.Equal(h.Today.AddDays(-1), line.LastReturnDay);
    }

    [Fact]
    public async Task Create_BeforeDelivery_IsRejected_AndANewRequestIsApprovedOnceTheDeliveryIsRecorded()
    {
        var h = new ReturnsHarness();
        var orderId = await h.OrderAsync("c1", delivered: false, ("HEADSET-1", 1, 40m));
        var request = ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind));

        var before = await h.CreatedAsync("k1", request);
        var delivery = await h.Shipments.RecordAsync(orderId, new RecordShipmentRequest("ship-1", [new ShipmentLineRequest("HEADSET-1", 1)], h.Today, h.Today), Ct);
        var retried = Assert.IsType<CreateReturnResult.Created>(await h.Create.CreateAsync("k1", request, Ct));
        var after = await h.CreatedAsync("k2", request);

        Assert.Equal(ReturnStatus.Rejected, before.Status);
        Assert.Contains(Assert.Single(before.Eligibility.Lines).Reasons, r => r.Code == IneligibilityCode.NotDelivered);
        Assert.True(Assert.IsType<RecordShipmentResult.Recorded>(delivery).Changed);

        // The key names one decision: its retry replays the rejection; a new request is decided afresh.
        Assert.True(retried.Replayed);
        Assert.Equal(ReturnStatus.Rejected, retried.Return.Status);
        Assert.Equal(ReturnStatus.Approved, after.Status);
    }

    [Fact]
    public async Task Create_Retried_ReplaysTheSameReturn_AndTheSameKeyWithAnotherBodyIsRefused()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 2, 40m));
        var request = ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind));
        var first = await h.CreatedAsync("k1", request);

        var again = Assert.IsType<CreateReturnResult.Created>(await h.Create.CreateAsync("k1", request, Ct));
        var other = await h.Create.CreateAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 2, ReturnReason.ChangedMind)), Ct);

        Assert.True(again.Replayed);
        Assert.Equal(first.ReturnId, again.Return.ReturnId);
        Assert.IsType<CreateReturnResult.KeyReused>(other);
        var returned = await h.Returns.GetReturnedUnitsAsync(orderId, Ct);
        Assert.Equal(1, returned.Returned("HEADSET-1", exceptReturnId: "none"));
    }

    [Fact]
    public async Task Create_UnitsAlreadyCoveredByAnEarlierReturn_CannotBeReturnedAgain()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 2, 40m));
        await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 2, ReturnReason.ChangedMind)));

        var rejected = await h.CreatedAsync("k2", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));

        Assert.Equal(ReturnStatus.Rejected, rejected.Status);
        Assert.Equal(IneligibilityCode.QuantityExceedsReturnable, Assert.Single(Assert.Single(rejected.Eligibility.Lines).Reasons).Code);
    }

    [Fact]
    public async Task Create_TwoReturnsOfTheSameUnitAtOnce_OnlyOneTakesThem()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        h.Gate.Arm("returned", parties: 2);

        var results = await Task.WhenAll(
            h.Create.CreateAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)), Ct),
            h.Create.CreateAsync("k2", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.DoesNotFit)), Ct));

        var statuses = results.Select(r => Assert.IsType<CreateReturnResult.Created>(r).Return.Status).ToArray();
        Assert.Single(statuses, s => s == ReturnStatus.Approved);
        Assert.Single(statuses, s => s == ReturnStatus.Rejected);
        Assert.Equal(1, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
    }

    [Fact]
    public async Task Create_WithBadFields_NamesEachField()
    {
        var h = new ReturnsHarness();
        var result = await h.Create.CreateAsync("k1", new CreateReturnRequest("o/1", null, [new CreateReturnLineRequest("bad sku!", 0, null, null)], ["ftp://x"]), Ct);

        var errors = Assert.IsType<CreateReturnResult.Invalid>(result).Errors;
        Assert.Contains("orderId", errors.Keys);
        Assert.Contains("customerId", errors.Keys);
        Assert.Contains("lines[0].sku", errors.Keys);
        Assert.Contains("lines[0].quantity", errors.Keys);
        Assert.Contains("lines[0].reason", errors.Keys);
        Assert.Contains("photoUrls[0]", errors.Keys);
        Assert.Contains("Idempotency-Key", Assert.IsType<CreateReturnResult.Invalid>(await h.Create.CreateAsync(null, new CreateReturnRequest(null, null, null, null), Ct)).Errors.Keys);
    }
}
