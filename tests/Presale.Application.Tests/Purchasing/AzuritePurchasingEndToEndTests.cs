using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Purchasing;
using Presale.Application.Replenishment;
using Presale.Application.Security;
using Presale.Application.Settlement;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Reconciliation;
using Presale.Testing;

namespace Presale.Application.Tests.Purchasing;

/// <summary>
/// The purchasing chain end to end on Azurite, through the use cases composed as the app composes them: demand beyond
/// supply → replenishment suggestion → purchase order → signed acknowledgement → lot → waiting orders re-planned →
/// receipts → the month's statement with a chargeback for the late units and the rebate of an A-grade supplier, checked
/// against the figures computed by hand below.
/// </summary>
public sealed class AzuritePurchasingEndToEndTests(AzuriteFixture azurite)
{

    private static CancellationToken Ct => PurchasingHarness.Ct;

    /// <summary>
    /// Hand-computed: 300 units at 2.4567 EUR, requested for 15 March (on time 13–15 March: 2 days early, 0 late);
    /// 120 received on the 14th, 180 on the 16th.
    /// <list type="bullet">
    /// <item>goods: round(300 × 2.4567) = round(737.0100) = 737.01</item>
    /// <item>late units (3 %): round(180 × 2.4567 × 0.03) = round(13.26618) = 13.27</item>
    /// <item>grade A (three earlier lots on time, this one 1 day after its ETA, inside the scorecard's 1-day tolerance):
    /// rebate 2 % of the goods = round(14.7402) = 14.74</item>
    /// <item>payable 737.01 − 13.27 + 14.74 = 738.48, due net 30 from the first receipt (14 March): 13 April</item>
    /// </list>
    /// </summary>
    [Fact]
    public async Task DemandBeyondSupply_ToSuggestion_PurchaseOrder_SignedAcknowledgement_Lot_Replan_Receipt_AndTheStatement()
    {
        var store = new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());
        var h = new PurchasingHarness(store, AzuriteFixture.UniqueName("p"));
        await h.Flow.Ordering.ConfigureShopAsync("Europe/Berlin", handlingDays: 2);
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 300);
        await h.Flow.Ordering.CreateSkuAsync("OLD-1", 0);
        var terms = PurchasingHarness.StandardTerms(("CHIP-1", 2.4567m));
        var secret = await h.SupplierAsync("acme", terms, defaultLeadTimeDays: 20);

        // acme's record: three lots known on 2 March and received on time on the 5th (real lead time 3 days).
        for (var i = 1; i <= 3; i++)
        {
            Assert.IsType<LotRegistrationResult.Registered>(await h.Flow.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest($"H{i}", $"PO-H{i}", new DateOnly(2026, 3, 5), [new LotLineRequest("OLD-1", 10)]), Ct));
        }

        h.At(3, 5, 9);
        for (var i = 1; i <= 3; i++)
        {
            await h.Flow.ReceiptAsync($"h-{i}", $"H{i}", h.Time.GetUtcNow(), ("OLD-1", 10));
        }

        // Demand beyond supply: 300 units pre-sold against the cap, nothing on hand or inbound.
        string[] orders = [await h.Flow.PlaceAsync("CHIP-1", 100), await h.Flow.PlaceAsync("CHIP-1", 100), await h.Flow.PlaceAsync("CHIP-1", 100)];
        await h.DrainReconcileAsync();
        var promise = (await h.Flow.OrderAsync(orders[0])).Lines[0].Promise!.PromisedOn;
        Assert.Equal(new DateOnly(2026, 3, 17), promise);

        // Suggestion: 300 uncovered units needed by the 15th (promise less 2 handling days), acme's 3-day lead time keeps it.
        var view = Assert.IsType<ReplenishmentResult.Assessed>(await h.Suggestions.AssessAsync("CHIP-1", Ct)).View;
        var suggestion = view.Suggestion!;
        Assert.Equal((300L, (DateOnly?)new DateOnly(2026, 3, 15)), (view.Uncovered, view.NeedBy));
        Assert.Equal(("acme", 300, 3, true, new DateOnly(2026, 3, 12)), (suggestion.Chosen.SupplierId, suggestion.Chosen.Quantity, suggestion.Chosen.LeadTimeDays, suggestion.Chosen.KeepsPromises, suggestion.Chosen.OrderBy));

        // Purchase order from the suggestion, requested for the 15th at the catalogue cost.
        var order = Assert.IsType<CreatePurchaseOrderResult.Placed>(await h.Create.CreateAsync(CreatePurchaseOrderRequest.FromSuggestion(suggestion, "PO-2026-001"), Ct)).Order;
        Assert.Equal((new DateOnly(2026, 3, 15), 2.4567m, 300), (order.RequestedDeliveryDate, order.Lines[0].UnitCost.Amount, order.Lines[0].Quantity));
        Assert.Contains(await h.SupplierOrders.ListOpenAsync("acme", Ct), o => o.PurchaseOrderId == "PO-2026-001");

        // The supplier's signed acknowledgement: all 300 for the 15th. It becomes a lot, and the waiting orders move onto it.
        var (status, acknowledged) = await h.SignedAcknowledgeAsync("acme", "PO-2026-001", PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 300, new DateOnly(2026, 3, 15))]), secret);
        Assert.Equal(SupplierWebhookStatus.Verified, status);
        Assert.Equal(SupplierEventOutcome.Applied, Assert.IsType<AcknowledgementResult.Acknowledged>(acknowledged).Acknowledgement.Outcome);
        var lot = (await h.Flow.Ordering.Lots.GetAsync("acme", "PO-2026-001-L1", Ct))!;
        Assert.Equal((300, new DateOnly(2026, 3, 15)), (lot.Lines[0].Quantity, lot.Eta));
        await h.DrainReconcileAsync();
        var lotSource = Domain.Supply.SupplySource.Lot("acme", "PO-2026-001-L1").Key;
        foreach (var id in orders)
        {
            var tracking = (await h.Flow.OrderAsync(id)).Lines[0].Tracking!;
            Assert.Equal((PromiseStatus.OnTrack, (DateOnly?)promise), (tracking.Status, tracking.Estimate));
            Assert.Equal([(lotSource, 100)], tracking.Pegs.Select(p => (p.Source.LotId!, p.Quantity)));
        }

        // Receipts: 120 on the 14th (on time), 180 on the 16th (a day after the window).
        h.At(3, 14, 10);
        await h.Flow.ReceiptAsync("rcv-1", "PO-2026-001-L1", h.Time.GetUtcNow(), ("CHIP-1", 120));
        h.At(3, 16, 10);
        await h.Flow.ReceiptAsync("rcv-2", "PO-2026-001-L1", h.Time.GetUtcNow(), ("CHIP-1", 180));
        await h.DrainReconcileAsync();
        Assert.Equal(PromiseStatus.ReadyToShip, (await h.Flow.OrderAsync(orders[2])).Lines[0].Tracking!.Status);

        // The month closes: the timer closes March two hours after its end.
        h.At(4, 1, 3);
        Assert.Equal((1, 0), await h.Settlement.RunAsync(Ct));
        var closed = Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", "2026-03", Ct)).Export;
        var statement = closed.Document.Statement;

        Assert.Equal(
            [
                (SettlementRule.Goods, 300, 737.01m),
                (SettlementRule.LateUnits, 180, -13.27m),
                (SettlementRule.GradeRebate, 0, 14.74m),
            ],
            statement.Items.Select(i => (i.Rule, i.Units, i.Amount.Amount)));
        Assert.Equal((Domain.Suppliers.SupplierGrade.A, 737.01m, -13.27m, 14.74m, 738.48m), (statement.Grade!.Value, statement.Totals.Goods.Amount, statement.Totals.Chargebacks.Amount, statement.Totals.Rebates.Amount, statement.Totals.Payable.Amount));
        Assert.Equal(new DateOnly(2026, 4, 13), statement.DueDate);
        var line = Assert.Single(statement.Lines);
        Assert.Equal(("PO-2026-001", 120, 180, (bool?)false), (line.PurchaseOrderId, line.OnTimeUnits, line.LateUnits, line.OnTimeInFull));
        Assert.Contains("units of CHIP-1 (purchase order PO-2026-001 line 1) delivered after the on-time window (2026-03-13 to 2026-03-15)", statement.Items[1].Description, StringComparison.Ordinal);

        // Closed means closed: another run closes nothing, and the statement comes back byte for byte.
        Assert.Equal((0, 0), await h.Settlement.RunAsync(Ct));
        var again = Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", "2026-03", Ct)).Export;
        Assert.Equal(closed.Json, again.Json);
        Assert.Equal(closed.Csv, again.Csv);
        Assert.Single(h.Events("supplier-statement.closed"));
    }

    /// <summary>On Azurite: many deliveries of one acknowledgement at once apply it once, and many closers of one period store one statement.</summary>
    [Fact]
    public async Task ConcurrentDuplicateAcknowledgements_ApplyOnce_AndConcurrentClosers_StoreOneStatement()
    {
        var store = new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());
        var h = new PurchasingHarness(store, AzuriteFixture.UniqueName("p"));
        await h.Flow.Ordering.ConfigureShopAsync("Europe/Berlin", handlingDays: 2);
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 50);
        var secret = await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 1.25m)));
        await h.PurchaseOrderAsync("PO-1", "acme", new DateOnly(2026, 3, 10), ("CHIP-1", 30, null));
        var ack = PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, new DateOnly(2026, 3, 10))]);

        var acks = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.SignedAcknowledgeAsync("acme", "PO-1", ack, secret))));

        Assert.Equal(1, acks.Count(a => Assert.IsType<AcknowledgementResult.Acknowledged>(a.Result).Acknowledgement.Outcome == SupplierEventOutcome.Applied));
        Assert.Single(await h.RowsAsync("acme", "webhook-event|"));
        Assert.Equal(30, (await h.Flow.Ordering.StateAsync("CHIP-1")).Ledger.Inbound);

        h.At(3, 10, 12);
        await h.Flow.ReceiptAsync("rcv-1", "PO-1-L1", h.Time.GetUtcNow(), ("CHIP-1", 30));
        h.At(4, 2, 8);
        var closes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            i % 2 == 0
                ? Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", "2026-03", Ct)).Export.Json
                : (await h.Settlement.RunAsync(Ct), Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", "2026-03", Ct)).Export.Json).Item2)));

        Assert.All(closes, json => Assert.Equal(closes[0], json));
        Assert.Single(h.Events("supplier-statement.closed"));
        Assert.Equal(37.50m, StatementExport.FromJson(System.Text.Encoding.UTF8.GetString(closes[0])).Document.Statement.Totals.Goods.Amount);
    }
}
