using Presale.Adapters.InMemory;
using Presale.Application.Purchasing;
using Presale.Application.Security;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Tests.Orders;
using Presale.Domain.Purchasing;
using Presale.Domain.Supply;

namespace Presale.Application.Tests.Purchasing;

public sealed class AcknowledgementTests
{
    /// <summary>The planner's id of lot PO-1-L1 of acme (its supply source key).</summary>
    private static readonly string PurchaseOrderLot = SupplySource.Lot("acme", "PO-1-L1").Key;

    private static CancellationToken Ct => PurchasingHarness.Ct;

    /// <summary>Three orders of 10 units pre-sold against the cap of CHIP-1, a supplier with terms, and purchase order PO-1 for 30 units.</summary>
    private static async Task<(PurchasingHarness H, string Secret, string[] Orders)> PreSoldAsync(ITableStore? store = null)
    {
        var h = new PurchasingHarness(store);
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 100);
        string[] orders = [await h.Flow.PlaceAsync("CHIP-1", 10), await h.Flow.PlaceAsync("CHIP-1", 10), await h.Flow.PlaceAsync("CHIP-1", 10)];
        await h.DrainReconcileAsync();
        var secret = await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2.4567m)));
        await h.PurchaseOrderAsync("PO-1", "acme", null, ("CHIP-1", 30, null));
        return (h, secret, orders);
    }

    private static SupplierEventOutcome Outcome(AcknowledgementResult? result) =>
        Assert.IsType<AcknowledgementResult.Acknowledged>(result).Acknowledgement.Outcome;

    [Fact]
    public async Task SignedAcknowledgement_RegistersTheLineAsALot_AndTheWaitingOrdersAreReplannedOntoIt()
    {
        var (h, secret, orders) = await PreSoldAsync();
        foreach (var id in orders)
        {
            Assert.Contains((await h.Flow.OrderAsync(id)).Lines[0].Tracking!.Pegs, p => p.Source.LotId == Application.Reconciliation.SupplyPlanMapping.CapLotId);
        }

        var (status, result) = await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, h.Today.AddDays(5))]), secret);

        Assert.Equal(SupplierWebhookStatus.Verified, status);
        Assert.Equal(SupplierEventOutcome.Applied, Outcome(result));
        var view = ((AcknowledgementResult.Acknowledged)result!).Order;
        Assert.Equal((PurchaseOrderStatus.Acknowledged, "PO-1-L1"), (view.Status, view.Lines[0].LotId));
        var lot = (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct))!;
        Assert.Equal(("PO-1", h.Today.AddDays(5), 30, "open"), (lot.PurchaseOrderReference, lot.Eta, lot.Lines[0].Quantity, lot.Status));
        Assert.Empty(await h.RowsAsync("acme", "sync|"));
        Assert.Empty(await h.RowsAsync("acme", "ackdue|"));
        Assert.Single(h.Events("purchase-order.acknowledged"));

        Assert.Equal(1, await h.DrainReconcileAsync());
        foreach (var id in orders)
        {
            var tracking = (await h.Flow.OrderAsync(id)).Lines[0].Tracking!;
            Assert.Equal([(PurchaseOrderLot, 10)], tracking.Pegs.Select(p => (p.Source.LotId!, p.Quantity)));
        }
    }

    [Fact]
    public async Task Duplicate_ChangesNothing_AndIsAcknowledged()
    {
        var (h, secret, _) = await PreSoldAsync();
        var ack = PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, h.Today.AddDays(5))]);
        Assert.Equal(SupplierEventOutcome.Applied, Outcome((await h.SignedAcknowledgeAsync("acme", "PO-1", ack, secret)).Result));
        var poBefore = (await h.RowsAsync("acme", "po|")).Single().ETag;
        var lotBefore = (await h.Store.GetAsync(h.Flow.Ordering.Options.LotsTable, "acme", "PO-1-L1", Ct))!.ETag;
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var again = await h.SignedAcknowledgeAsync("acme", "PO-1", ack, secret);

        Assert.Equal(SupplierEventOutcome.Duplicate, Outcome(again.Result));
        Assert.Equal(poBefore, (await h.RowsAsync("acme", "po|")).Single().ETag);
        Assert.Equal(lotBefore, (await h.Store.GetAsync(h.Flow.Ordering.Options.LotsTable, "acme", "PO-1-L1", Ct))!.ETag);
        Assert.Single(h.Events("purchase-order.acknowledged"));
    }

    [Fact]
    public async Task OutOfOrder_AnOlderAcknowledgementArrivingAfterANewerOne_IsStaleAndChangesNothing()
    {
        var (h, secret, _) = await PreSoldAsync();
        var t = h.Time.GetUtcNow();
        var newer = PurchasingHarness.Ack("ack-2", t.AddMinutes(10), [(1, 30, h.Today.AddDays(5))]);
        var older = PurchasingHarness.Ack("ack-1", t, [(1, 20, h.Today.AddDays(9))]);

        Assert.Equal(SupplierEventOutcome.Applied, Outcome((await h.SignedAcknowledgeAsync("acme", "PO-1", newer, secret)).Result));
        var stale = await h.SignedAcknowledgeAsync("acme", "PO-1", older, secret);

        var acknowledged = Assert.IsType<AcknowledgementResult.Acknowledged>(stale.Result);
        Assert.Equal((SupplierEventOutcome.Stale, (DateTimeOffset?)t.AddMinutes(10)), (acknowledged.Acknowledgement.Outcome, acknowledged.Acknowledgement.LastAppliedSupplierTimestamp));
        var line = (await h.SupplierOrders.GetAsync("acme", "PO-1", Ct))!.Lines[0];
        Assert.Equal((30, h.Today.AddDays(5), 30), (line.AcceptedQuantity, line.Eta!.Value, line.CommittedQuantity!.Value));
        var lot = (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct))!;
        Assert.Equal((h.Today.AddDays(5), 0), (lot.Eta, lot.Lines[0].Cancelled));
    }

    [Fact]
    public async Task Forged_Tampered_Expired_OrUnknownSupplier_NeverReachTheHandler()
    {
        var (h, secret, _) = await PreSoldAsync();
        var ack = PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, h.Today.AddDays(5))]);

        Assert.Equal(SupplierWebhookStatus.SignatureMismatch, (await h.SignedAcknowledgeAsync("acme", "PO-1", ack, "whsec_" + new string('x', 43))).Status);
        Assert.Equal(SupplierWebhookStatus.SignatureMismatch, (await h.SignedAcknowledgeAsync("acme", "PO-1", ack, secret, tamper: b => [.. b.Select(x => x == (byte)'3' ? (byte)'9' : x)])).Status);
        Assert.Equal(SupplierWebhookStatus.Expired, (await h.SignedAcknowledgeAsync("acme", "PO-1", ack, secret, signedAt: h.Time.GetUtcNow().AddMinutes(-6))).Status);
        Assert.Equal(SupplierWebhookStatus.UnknownSupplier, (await h.SignedAcknowledgeAsync("nobody", "PO-1", ack, secret)).Status);

        Assert.Equal(PurchaseOrderStatus.AwaitingAcknowledgement, (await h.SupplierOrders.GetAsync("acme", "PO-1", Ct))!.Status);
        Assert.Null(await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct));
        Assert.Empty(await h.RowsAsync("acme", "webhook-event|"));
    }

    [Fact]
    public async Task ALaterAcknowledgement_CutsTheLotAndMovesItsEta_ThroughTheSupplierEventPath()
    {
        var (h, secret, orders) = await PreSoldAsync();
        var t = h.Time.GetUtcNow();
        await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", t, [(1, 30, h.Today.AddDays(5))]), secret);
        await h.DrainReconcileAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));

        var cut = await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-2", t.AddMinutes(5), [(1, 20, h.Today.AddDays(7))]), secret);

        Assert.Equal(SupplierEventOutcome.Applied, Outcome(cut.Result));
        var lot = (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct))!;
        Assert.Equal((h.Today.AddDays(7), 30, 10), (lot.Eta, lot.Lines[0].Quantity, lot.Lines[0].Cancelled));
        Assert.Contains(lot.EtaHistory, e => e.Reason.StartsWith("ack:ack-2", StringComparison.Ordinal));
        await h.DrainReconcileAsync();
        var pegged = new List<int>();
        foreach (var id in orders)
        {
            pegged.Add((await h.Flow.OrderAsync(id)).Lines[0].Tracking!.Pegs.Where(p => p.Source.LotId == PurchaseOrderLot).Sum(p => p.Quantity));
        }

        Assert.Equal(20, pegged.Sum());
    }

    [Fact]
    public async Task RejectingAnAcceptedLine_CancelsWhatIsOutstandingOnItsLot()
    {
        var (h, secret, _) = await PreSoldAsync();
        var t = h.Time.GetUtcNow();
        await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", t, [(1, 30, h.Today.AddDays(5))]), secret);

        var rejected = await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-2", t.AddMinutes(1), rejected: [(1, "factory fire")]), secret);

        Assert.Equal(SupplierEventOutcome.Applied, Outcome(rejected.Result));
        var lot = (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct))!;
        Assert.Equal((SupplierLotEventHandler.CancelledStatus, 30), (lot.Status, lot.Lines[0].Cancelled));
    }

    [Theory]
    [InlineData(31, 5, 1, "accepted[0].quantity")]
    [InlineData(30, -1, 1, "accepted[0].eta")]
    [InlineData(30, 5, 2, "accepted[0].lineNumber")]
    public async Task AnAcknowledgementThatDoesNotFit_IsRefusedNamingTheField_NotRecorded_SoACorrectedOneApplies(int quantity, int etaInDays, int line, string field)
    {
        var (h, secret, _) = await PreSoldAsync();
        var t = h.Time.GetUtcNow();

        var refused = await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", t, [(line, quantity, h.Today.AddDays(etaInDays))]), secret);

        Assert.Contains(field, Assert.IsType<AcknowledgementResult.Invalid>(refused.Result).Errors.Keys);
        Assert.Empty(await h.RowsAsync("acme", "webhook-event|"));
        Assert.Equal(SupplierEventOutcome.Applied, Outcome((await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", t, [(1, 30, h.Today.AddDays(5))]), secret)).Result));
    }

    [Fact]
    public async Task MalformedInput_IsRefusedNamingTheField()
    {
        var (h, _, _) = await PreSoldAsync();
        async Task<IReadOnlyCollection<string>> FieldsAsync(string supplier, string po, AcknowledgePurchaseOrderRequest request) =>
            [.. Assert.IsType<AcknowledgementResult.Invalid>(await h.Acknowledge.AcknowledgeAsync(supplier, po, request, Ct)).Errors.Keys];

        Assert.Equal(["eventId", "supplierTimestamp", "accepted"], await FieldsAsync("acme", "PO-1", new AcknowledgePurchaseOrderRequest(null, null, null, null)));
        Assert.Contains("accepted[0].eta", await FieldsAsync("acme", "PO-1", new AcknowledgePurchaseOrderRequest("e", h.Time.GetUtcNow(), [new AcceptedLineRequest(1, 1, "next tuesday")], null)));
        Assert.Contains("rejected[0].lineNumber", await FieldsAsync("acme", "PO-1", new AcknowledgePurchaseOrderRequest("e", h.Time.GetUtcNow(), null, [new RejectedLineRequest(0, null)])));
        Assert.Equal(["purchaseOrderId"], await FieldsAsync("acme", "PO/1", PurchasingHarness.Ack("e", h.Time.GetUtcNow(), [(1, 1, h.Today)])));
        Assert.Equal(["eventId"], await FieldsAsync("acme", "PO-1", PurchasingHarness.Ack(new string('e', 97), h.Time.GetUtcNow(), [(1, 1, h.Today)])));
        Assert.IsType<AcknowledgementResult.UnknownPurchaseOrder>(await h.Acknowledge.AcknowledgeAsync("acme", "PO-404", PurchasingHarness.Ack("e", h.Time.GetUtcNow(), [(1, 1, h.Today)]), Ct));
    }

    [Fact]
    public async Task ManyDeliveriesOfOneAcknowledgementAtOnce_ApplyItOnce()
    {
        var (h, secret, _) = await PreSoldAsync();
        var ack = PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, h.Today.AddDays(5))]);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => h.SignedAcknowledgeAsync("acme", "PO-1", ack, secret))));

        Assert.Equal(1, results.Count(r => Outcome(r.Result) == SupplierEventOutcome.Applied));
        Assert.All(results, r => Assert.Contains(Outcome(r.Result), new[] { SupplierEventOutcome.Applied, SupplierEventOutcome.Duplicate }));
        Assert.Single(await h.RowsAsync("acme", "webhook-event|"));
        Assert.Single(h.Events("purchase-order.acknowledged"));
        Assert.Equal(30, (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct))!.Lines[0].Quantity);
        Assert.Equal(30, (await h.Flow.Ordering.StateAsync("CHIP-1")).Ledger.Inbound);
    }

    [Fact]
    public async Task WhenTheLotUpdateFails_TheAcknowledgementStands_AndTheSweepFinishesIt()
    {
        var faults = new FaultInjectingTableStore(new InMemoryTableStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Testing.TestClock.Start)));
        var (h, secret, orders) = await PreSoldAsync(faults);
        faults.Before = call => call.Table == h.Flow.Ordering.Options.LotsTable && call.Method == nameof(ITableStore.InsertAsync)
            ? throw new IOException("storage unreachable")
            : Task.CompletedTask;

        var result = await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, h.Today.AddDays(5))]), secret);

        Assert.Equal(SupplierEventOutcome.Applied, Outcome(result.Result));
        Assert.Null(await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct));
        Assert.Single(await h.RowsAsync("acme", "sync|"));

        faults.Before = null;
        Assert.Equal(0, (await h.Sweep.RunAsync(Ct)).FollowedUp);
        h.Time.Advance(h.Options.LotSyncGrace);
        Assert.Equal(1, (await h.Sweep.RunAsync(Ct)).FollowedUp);
        Assert.Equal(30, (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-1-L1", Ct))!.Lines[0].Quantity);
        Assert.Empty(await h.RowsAsync("acme", "sync|"));
        await h.DrainReconcileAsync();
        Assert.Contains((await h.Flow.OrderAsync(orders[0])).Lines[0].Tracking!.Pegs, p => p.Source.LotId == PurchaseOrderLot);
    }
}
