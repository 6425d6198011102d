using System.Text.Json;
using Presale.Application.Notifications;
using Presale.Application.Returns;
using Presale.Application.Storage;
using Presale.Domain.Notifications;
using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Tests.Returns;

public sealed class ReturnLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GradeAUnit_ThroughTransitReceiptAndTriage_IsRestockedRefundedAndTheCustomerNotified()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var onHandBefore = await h.OnHandAsync("HEADSET-1");
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));

        await h.DoneAsync(h.Lifecycle.MarkInTransitAsync(created.ReturnId, new MarkInTransitRequest("TRACK-1"), Ct));
        var received = await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));
        var run = await h.Triage.RunAsync(Ct);
        var after = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;

        Assert.Equal(ReturnStatus.Received, received.Status);
        Assert.Equal(new TriageRunSummary(1, 1, 0, 0, 0), run);
        Assert.Equal(ReturnStatus.Refunded, after.Status);
        var unit = Assert.Single(after.Units);
        Assert.Equal(TriageAction.Restock, unit.Action);
        Assert.Equal("sealed-restock", unit.Rule);
        Assert.Equal(
            [ReturnStatus.Requested, ReturnStatus.Approved, ReturnStatus.InTransit, ReturnStatus.Received, ReturnStatus.Triaged, ReturnStatus.Refunded],
            after.Timeline.Select(t => t.Status));
        Assert.Equal(40m, after.Refund!.Total);

        Assert.Equal(onHandBefore + 1, await h.OnHandAsync("HEADSET-1"));
        var adjustment = await h.Ordering.Supply.GetRowAsync(Domain.Common.Sku.From("HEADSET-1"), $"5|adj|return-{created.ReturnId}-HEADSET-1:1", Ct);
        Assert.Equal("Return", adjustment!.GetString("Reason"));
        var reconcile = Assert.Single(h.PublishedTo(h.Ordering.Options.ReconcileQueue), p => p.Message.Subject == ReturnRestockedMessage.Restocked).Message;
        Assert.Equal(["HEADSET-1"], JsonSerializer.Deserialize<ReturnRestockedMessage>(reconcile.Body, Common.PresaleJson.Options)!.Skus);
        var notice = Assert.Single(h.PublishedTo(h.Notifications.Queue)).Message;
        var notification = NotificationMessageSerializer.Deserialize(notice.Body).Notification;
        Assert.Equal(NotificationKind.ReturnDecided, notification.Kind);
        Assert.Equal("c1", notification.CustomerId);
        Assert.Equal(40m, notification.Amount!.Value.Amount);
        var refund = await h.Returns.GetRefundRecordAsync(created.ReturnId, Ct);
        Assert.Equal(created.ReturnId, refund!.GetString("RefundKey"));

        var second = await h.Triage.RunAsync(Ct);
        Assert.Equal(new TriageRunSummary(0, 0, 0, 0, 0), second);
        Assert.Equal(onHandBefore + 1, await h.OnHandAsync("HEADSET-1"));
        Assert.Single(h.PublishedTo(h.Notifications.Queue));
    }

    [Fact]
    public async Task IllegalTransitions_AreRefusedNamingTheStatus_AndChangeNothing()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.Lifecycle.MarkInTransitAsync(created.ReturnId, null, Ct));

        var twice = Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.MarkInTransitAsync(created.ReturnId, null, Ct)).Error;
        Assert.Equal(ReturnErrorCode.InvalidTransition, twice.Code);
        Assert.Equal(ReturnStatus.InTransit, twice.Status);
        Assert.Contains("InTransit", twice.Message, StringComparison.Ordinal);

        var notReceived = Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.DecideAsync(created.ReturnId, new DecideUnitRequest("HEADSET-1:1", TriageAction.Restock, "ops-1", null), Ct)).Error;
        Assert.Equal(ReturnErrorCode.UnitNotReceived, notReceived.Code);

        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.B)));
        var again = Assert.IsType<ReturnCommandResult.Refused>(await h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A))).Error;
        Assert.Equal(ReturnErrorCode.UnitAlreadyReceived, again.Code);
        Assert.Equal(["HEADSET-1:1"], again.Units.Select(u => u.ToString()));

        var unknown = Assert.IsType<ReturnCommandResult.Refused>(await h.ReceiveAsync(created.ReturnId, ("HEADSET-1:2", ConditionGrade.A))).Error;
        Assert.Equal(ReturnErrorCode.UnknownUnit, unknown.Code);

        await h.Triage.RunAsync(Ct);
        var afterRefund = Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.MarkInTransitAsync(created.ReturnId, null, Ct)).Error;
        Assert.Equal(ReturnStatus.Refunded, afterRefund.Status);
        var view = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;
        Assert.Equal(ConditionGrade.B, Assert.Single(view.Units).Grade);
        Assert.Equal(TriageAction.Refurbish, view.Units[0].Action);
        Assert.Equal(34m, view.Refund!.Total);
    }

    [Fact]
    public async Task Commands_WithBadFields_NameEachField()
    {
        var h = new ReturnsHarness();
        var receipt = await h.Lifecycle.ReceiveAsync("r00aaaaaaaaaaaaaaaaaaaaaaaa", new ReceiveReturnRequest([new UnitReceiptRequest("nope", null, null, null)]), Ct);
        var decision = await h.Lifecycle.DecideAsync("r00aaaaaaaaaaaaaaaaaaaaaaaa", new DecideUnitRequest("SKU-1:0", TriageAction.ManualReview, " ", null), Ct);

        var receiptErrors = Assert.IsType<ReturnCommandResult.Invalid>(receipt).Errors;
        Assert.Contains("receipts[0].unitId", receiptErrors.Keys);
        Assert.Contains("receipts[0].grade", receiptErrors.Keys);
        var decisionErrors = Assert.IsType<ReturnCommandResult.Invalid>(decision).Errors;
        Assert.Equal(["action", "reviewer", "unitId"], decisionErrors.Keys.Order(StringComparer.Ordinal));
        Assert.IsType<ReturnCommandResult.NotFound>(await h.Lifecycle.MarkInTransitAsync("r00aaaaaaaaaaaaaaaaaaaaaaaa", null, Ct));
    }

    [Fact]
    public async Task HighValueUnit_GoesToTheReviewQueue_UntilAReviewerDecides()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 1, 899m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("TV-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("TV-1:1", ConditionGrade.A)));

        await h.Triage.RunAsync(Ct);
        var queue = Assert.IsType<ReviewQueueResult.Listed>(await h.Review.ListAsync("review", null, null, Ct)).Page;
        var waiting = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;

        var item = Assert.Single(queue.Items);
        Assert.Equal(created.ReturnId, item.ReturnId);
        Assert.Equal(["TV-1:1"], item.Units);
        Assert.Contains("high-value", item.Basis, StringComparison.Ordinal);
        Assert.True(waiting.AwaitingReview);
        Assert.Equal(TriageAction.ManualReview, waiting.Units[0].Action);

        var decided = await h.DoneAsync(h.Lifecycle.DecideAsync(created.ReturnId, new DecideUnitRequest("TV-1:1", TriageAction.ReturnToVendor, "ops-1", "Dead pixels"), Ct));

        Assert.Equal(ReturnStatus.Refunded, decided.Status);
        Assert.Equal("reviewer ops-1", decided.Units[0].DecidedBy);
        Assert.Empty(Assert.IsType<ReviewQueueResult.Listed>(await h.Review.ListAsync("review", null, null, Ct)).Page.Items);
        var claim = Assert.Single(decided.SupplierClaims);
        var stored = await h.Gate.GetAsync(h.Options.SupplierClaimsTable, claim.SupplierId, claim.ClaimId, Ct);
        Assert.Equal(created.ReturnId, stored!.GetString("ReturnId"));
        var again = Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.DecideAsync(created.ReturnId, new DecideUnitRequest("TV-1:1", TriageAction.Scrap, "ops-2", null), Ct)).Error;
        Assert.Equal(ReturnErrorCode.InvalidTransition, again.Code);
    }

    [Fact]
    public async Task ReviewerRejectingEveryUnit_ClosesTheReturnWithoutRefund_AndTellsTheCustomerItWasRejected()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 1, 899m));
        var onHand = await h.OnHandAsync("TV-1");
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("TV-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("TV-1:1", ConditionGrade.D)));
        await h.Triage.RunAsync(Ct);

        var decided = await h.DoneAsync(h.Lifecycle.DecideAsync(created.ReturnId, new DecideUnitRequest("TV-1:1", TriageAction.Reject, "ops-1", "Screen smashed, not in transit"), Ct));

        Assert.Equal(ReturnStatus.Closed, decided.Status);
        Assert.Equal([ReturnStatus.Triaged, ReturnStatus.Closed], decided.Timeline.TakeLast(2).Select(t => t.Status));
        Assert.Null(decided.Refund);
        Assert.Null(await h.Returns.GetRefundRecordAsync(created.ReturnId, Ct));
        Assert.Equal(TriageAction.Reject, decided.Units[0].Action);
        Assert.Empty(Assert.IsType<ReviewQueueResult.Listed>(await h.Review.ListAsync("review", null, null, Ct)).Page.Items);
        Assert.Equal(onHand, await h.OnHandAsync("TV-1"));
        var notice = NotificationMessageSerializer.Deserialize(Assert.Single(h.PublishedTo(h.Notifications.Queue)).Message.Body).Notification;
        Assert.Equal((NotificationKind.ReturnDecided, ReturnDecision.Rejected, "c1"), (notice.Kind, notice.ReturnDecision, notice.CustomerId));
        Assert.Null(notice.Amount);
    }

    [Fact]
    public async Task ReviewerRejectingOneUnit_RefundsOnlyTheOthers()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("TV-1", 2, 899m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("TV-1", 2, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("TV-1:1", ConditionGrade.A), ("TV-1:2", ConditionGrade.A)));
        await h.Triage.RunAsync(Ct);

        await h.DoneAsync(h.Lifecycle.DecideAsync(created.ReturnId, new DecideUnitRequest("TV-1:1", TriageAction.Reject, "ops-1", "Not the unit we sold"), Ct));
        var decided = await h.DoneAsync(h.Lifecycle.DecideAsync(created.ReturnId, new DecideUnitRequest("TV-1:2", TriageAction.Restock, "ops-1", null), Ct));

        Assert.Equal(ReturnStatus.Refunded, decided.Status);
        Assert.Equal(899m, decided.Refund!.Total);
        Assert.Equal(1, Assert.Single(decided.Refund.Lines).Units);
        var notice = NotificationMessageSerializer.Deserialize(Assert.Single(h.PublishedTo(h.Notifications.Queue)).Message.Body).Notification;
        Assert.Equal((ReturnDecision.Refund, 899m), (notice.ReturnDecision, notice.Amount!.Value.Amount));
    }

    [Fact]
    public async Task Cancel_InTransitByTheCustomer_CancelsAndGivesTheUnitsBackToTheOrder()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.Lifecycle.MarkInTransitAsync(created.ReturnId, null, Ct));

        var cancelled = await h.DoneAsync(h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest("c1", null, "Kept it after all"), Ct));

        Assert.Equal(ReturnStatus.Cancelled, cancelled.Status);
        Assert.Equal("Withdrawn by customer c1: Kept it after all", cancelled.Timeline[^1].Note);
        Assert.Equal(0, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
        Assert.Equal(ReturnStatus.Approved, (await h.CreatedAsync("k2", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.DoesNotFit)))).Status);
        var again = Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest(null, "ops-1", null), Ct)).Error;
        Assert.Equal((ReturnErrorCode.InvalidTransition, ReturnStatus.Cancelled), (again.Code, again.Status));
    }

    [Fact]
    public async Task Cancel_WhenGivingTheUnitsBackFails_IsFinishedByTheNextTriageRun()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        h.Gate.FailWritesTo("returned");

        await h.DoneAsync(h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest(null, "ops-1", "Customer called"), Ct));
        Assert.Equal(1, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
        h.Gate.FailWritesTo(null);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var run = await h.Triage.RunAsync(Ct);

        Assert.Equal(1, run.OutboxRowsFinished);
        Assert.Equal(0, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
    }

    [Fact]
    public async Task Cancel_ByAnotherCustomer_OrWithoutSayingWho_IsRefusedAndChangesNothing()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));

        Assert.IsType<ReturnCommandResult.NotOwner>(await h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest("c2", null, null), Ct));
        var neither = Assert.IsType<ReturnCommandResult.Invalid>(await h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest(null, null, null), Ct)).Errors;
        var both = Assert.IsType<ReturnCommandResult.Invalid>(await h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest("c1", "ops-1", null), Ct)).Errors;

        Assert.Equal(["customerId", "operator"], neither.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["customerId", "operator"], both.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ReturnStatus.Approved, (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!.Status);
        Assert.Equal(1, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
    }

    [Fact]
    public async Task Cancel_OnceAUnitIsReceived_IsRefusedNamingTheStatus()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 2, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 2, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));

        var refused = Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.CancelAsync(created.ReturnId, new CancelReturnRequest("c1", null, null), Ct)).Error;

        Assert.Equal((ReturnErrorCode.InvalidTransition, ReturnStatus.PartiallyReceived), (refused.Code, refused.Status));
        Assert.Contains("until its first unit is received", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await h.Returns.GetReturnedUnitsAsync(orderId, Ct)).Returned("HEADSET-1", exceptReturnId: "none"));
    }

    [Fact]
    public async Task ReviewQueue_PagesAcrossPartitionsWithoutLosingOrRepeatingAReturn()
    {
        var h = new ReturnsHarness();
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var orderId = await h.DeliveredOrderAsync("c" + i, ("TV-1", 1, 899m));
            var created = await h.CreatedAsync("k" + i, ReturnsHarness.Request(orderId, "c" + i, ("TV-1", 1, ReturnReason.ChangedMind)));
            await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("TV-1:1", ConditionGrade.A)));
            ids.Add(created.ReturnId);
        }

        await h.Triage.RunAsync(Ct);
        var listed = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = Assert.IsType<ReviewQueueResult.Listed>(await h.Review.ListAsync("review", 3, continuation, Ct)).Page;
            Assert.True(page.Items.Count <= 3);
            listed.AddRange(page.Items.Select(i => i.ReturnId));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(ids.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Contains("status", Assert.IsType<ReviewQueueResult.Invalid>(await h.Review.ListAsync("received", null, null, Ct)).Errors.Keys);
    }

    [Fact]
    public async Task DefectiveUnitUnderWarranty_IsReturnedToTheVendor_WithAClaimForTheScorecard()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.Defective)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.C)));

        await h.Triage.RunAsync(Ct);
        var view = (await h.Lifecycle.GetAsync(created.ReturnId, Ct))!;

        Assert.Equal(TriageAction.ReturnToVendor, view.Units[0].Action);
        Assert.Equal("defective-under-warranty", view.Units[0].Rule);
        var claim = Assert.Single(view.SupplierClaims);
        Assert.Equal($"{created.ReturnId}:HEADSET-1:1", claim.ClaimId);
        var rows = new List<TableEntity>();
        await foreach (var row in h.Gate.QueryAllAsync(h.Options.SupplierClaimsTable, TableFilter.Partition(claim.SupplierId), 100, Ct))
        {
            rows.Add(row);
        }

        Assert.Equal(claim.ClaimId, Assert.Single(rows, r => !r.RowKey.StartsWith(SupplierClaimDays.Prefix, StringComparison.Ordinal)).RowKey);
        Assert.Equal(claim.ClaimId, SupplierClaimDays.Read(Assert.Single(rows, r => r.RowKey.StartsWith(SupplierClaimDays.Prefix, StringComparison.Ordinal))).ClaimId);
    }

    [Fact]
    public async Task LowValueUnit_WhenTheLabelCostsMore_IsKeptAndRefundedAtIntake()
    {
        var h = new ReturnsHarness(configure: o => o.ReturnLabelCost = 6m);
        var orderId = await h.DeliveredOrderAsync("c1", ("CABLE-1", 1, 5m));

        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("CABLE-1", 1, ReturnReason.ChangedMind)));

        Assert.Equal(ReturnStatus.Refunded, created.Status);
        Assert.Equal(TriageAction.KeepIt, created.Units[0].Action);
        Assert.Equal(5m, created.Refund!.Total);
        Assert.Single(h.PublishedTo(h.Notifications.Queue));
        Assert.IsType<ReturnCommandResult.Refused>(await h.Lifecycle.MarkInTransitAsync(created.ReturnId, null, Ct));
    }

    [Fact]
    public async Task EffectsThatFailed_AreFinishedByTheNextTriageRun()
    {
        var h = new ReturnsHarness();
        var orderId = await h.DeliveredOrderAsync("c1", ("HEADSET-1", 1, 40m));
        var onHand = await h.OnHandAsync("HEADSET-1");
        var created = await h.CreatedAsync("k1", ReturnsHarness.Request(orderId, "c1", ("HEADSET-1", 1, ReturnReason.ChangedMind)));
        await h.DoneAsync(h.ReceiveAsync(created.ReturnId, ("HEADSET-1:1", ConditionGrade.A)));
        h.Publisher.Fail = true;

        await h.Triage.RunAsync(Ct);
        Assert.Empty(h.PublishedTo(h.Notifications.Queue));
        h.Publisher.Fail = false;
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var run = await h.Triage.RunAsync(Ct);

        Assert.Equal(2, run.OutboxRowsFinished);
        Assert.Single(h.PublishedTo(h.Notifications.Queue));
        Assert.Single(h.PublishedTo(h.Ordering.Options.ReconcileQueue), p => p.Message.Subject == ReturnRestockedMessage.Restocked);
        Assert.Equal(onHand + 1, await h.OnHandAsync("HEADSET-1"));
        Assert.Empty(await h.Returns.PendingEffectsPageAsync(ReturnIds.PartitionOf(created.ReturnId)!, h.Time.GetUtcNow().AddDays(1), null, 100, Ct));
    }

    [Fact]
    public void Options_WithBadRules_ListEveryProblemNamingTheSetting()
    {
        var options = new ReturnsOptions
        {
            Rules =
            [
                new TriageRuleDefinition { Name = "a", Priority = 1, Action = "Explode", When = { ["grade"] = "Z" } },
                new TriageRuleDefinition { Name = "a", Priority = 1, Action = "Restock", When = { ["colour"] = "red" } },
            ],
            TriagePageSize = 0,
        };

        var errors = options.Validate();

        Assert.True(errors.Count >= 4, string.Join(Environment.NewLine, errors));
        Assert.All(errors, e => Assert.StartsWith("Presale:Returns", e, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Explode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("TriagePageSize", StringComparison.Ordinal));
        Assert.Empty(new ReturnsOptions().Validate());
    }
}
