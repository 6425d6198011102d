using System.Text;
using Presale.Adapters.InMemory;
using Presale.Application.Returns;
using Presale.Application.Settlement;
using Presale.Application.Storage;
using Presale.Application.Tests.Orders;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Tests.Purchasing;

public sealed class SettlementTests
{

    private static CancellationToken Ct => PurchasingHarness.Ct;

    /// <summary>
    /// PO-1: 300 units of CHIP-1 at 2.4567 EUR requested for 10 March (on time 8–10 March); acknowledged for the 10th;
    /// 120 received on the 10th, 180 on the 12th (late).
    /// </summary>
    private static async Task<PurchasingHarness> DeliveredAsync(ITableStore? store = null)
    {
        var h = new PurchasingHarness(store);
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 500);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2.4567m)));
        await h.PurchaseOrderAsync("PO-1", "acme", new DateOnly(2026, 3, 10), ("CHIP-1", 300, null));
        await h.Acknowledge.AcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 300, new DateOnly(2026, 3, 10))]), Ct);
        h.At(3, 10, 10);
        await h.Flow.ReceiptAsync("rcv-1", "PO-1-L1", h.Time.GetUtcNow(), ("CHIP-1", 120));
        h.At(3, 12, 10);
        await h.Flow.ReceiptAsync("rcv-2", "PO-1-L1", h.Time.GetUtcNow(), ("CHIP-1", 180));
        return h;
    }

    private static async Task<StatementExport> StatementAsync(PurchasingHarness h, string period) =>
        Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", period, Ct)).Export;

    [Fact]
    public async Task RunningPeriod_IsAnOpenPreview_NothingStored()
    {
        var h = await DeliveredAsync();

        var preview = await StatementAsync(h, "2026-03");

        Assert.Equal((SupplierStatementDocument.Open, (DateTimeOffset?)null), (preview.Document.Status, preview.Document.ClosedAt));
        Assert.Equal(723.74m, preview.Document.Statement.Totals.Payable.Amount);
        Assert.Empty(await h.RowsAsync("acme", "statement"));
    }

    [Fact]
    public async Task EndedPeriod_ClosesOnRequest_WithEveryItemAndItsRule_AndNeverChangesAfterwards()
    {
        var h = await DeliveredAsync();
        h.At(4, 1, 0);

        var closed = await StatementAsync(h, "2026-03");
        var statement = closed.Document.Statement;

        Assert.Equal(SupplierStatementDocument.Closed, closed.Document.Status);
        Assert.Equal(
            [(SettlementRule.Goods, 300, 737.01m), (SettlementRule.LateUnits, 180, -13.27m)],
            statement.Items.Select(i => (i.Rule, i.Units, i.Amount.Amount)));
        Assert.Equal((723.74m, new DateOnly(2026, 4, 9)), (statement.Totals.Payable.Amount, statement.DueDate));
        Assert.Equal((120, 180, true, (bool?)false), (statement.Lines[0].OnTimeUnits, statement.Lines[0].LateUnits, statement.Lines[0].Closed, statement.Lines[0].OnTimeInFull));
        var csv = Encoding.UTF8.GetString(closed.Csv).Split("\r\n");
        Assert.Equal(string.Join(',', StatementCsv.Columns), csv[0]);
        Assert.StartsWith("acme,2026-03,closed,chargeback,lateUnits,PO-1,1,CHIP-1,,180,2.4567,0.03,,-13.27,EUR,false,false,,", csv[2], StringComparison.Ordinal);
        Assert.Equal("acme,2026-03,closed,total,payable,,,,,,,,,723.74,EUR,false,false,2026-04-09,", csv[^2]);
        var published = Assert.Single(h.Events("supplier-statement.closed"));
        Assert.Equal(("2026-03", 723.74m), (published["period"]!.GetValue<string>(), published["payable"]!["amount"]!.GetValue<decimal>()));

        // Later facts: a return claim decided in March but recorded now, a receipt in April, and new terms.
        await RecordClaimAsync(h, "r-1:CHIP-1:1", new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero), "PO-1-L1");
        await h.PurchaseOrderAsync("PO-2", "acme", new DateOnly(2026, 4, 10), ("CHIP-1", 10, null));
        await h.Acknowledge.AcknowledgeAsync("acme", "PO-2", PurchasingHarness.Ack("ack-2", h.Time.GetUtcNow(), [(1, 10, new DateOnly(2026, 4, 10))]), Ct);
        await h.Flow.ReceiptAsync("rcv-3", "PO-2-L1", h.Time.GetUtcNow(), ("CHIP-1", 10));
        await h.Terms.PutAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 3m)) with { Chargebacks = new Application.Purchasing.ChargebackRatesRequest(0.5m, 0.5m, 0.5m, null) }, Ct);
        h.At(5, 1, 9);

        var again = await StatementAsync(h, "2026-03");
        Assert.Equal(closed.Json, again.Json);
        Assert.Equal(closed.Csv, again.Csv);
        var april = (await StatementAsync(h, "2026-04")).Document.Statement;
        var credit = Assert.Single(april.Items, i => i.Rule == SettlementRule.ReturnToVendor);
        Assert.Equal((-2.46m, true, "PO-1"), (credit.Amount.Amount, credit.Adjustment, credit.PurchaseOrderId));
        Assert.Equal(24.57m, april.Totals.Goods.Amount);
        Assert.Equal(["2026-03", "2026-04"], h.Events("supplier-statement.closed").Select(e => e["period"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Timer_ClosesAPeriodOnlyAfterTheDelay_EachOnce_OldestFirst()
    {
        var h = await DeliveredAsync();

        h.At(4, 1, 1);
        Assert.Equal((0, 0), await h.Settlement.RunAsync(Ct));
        h.At(4, 1, 3);
        Assert.Equal((1, 0), await h.Settlement.RunAsync(Ct));
        Assert.Equal((0, 0), await h.Settlement.RunAsync(Ct));
        h.At(6, 1, 5);
        Assert.Equal((2, 0), await h.Settlement.RunAsync(Ct));

        Assert.Equal(["2026-03", "2026-04", "2026-05"], h.Events("supplier-statement.closed").Select(e => e["period"]!.GetValue<string>()));
        Assert.Empty((await StatementAsync(h, "2026-05")).Document.Statement.Items);
        // PO-1 was finished in March: it left the active index with that statement.
        Assert.Empty(await h.RowsAsync("acme", "active|"));
    }

    [Fact]
    public async Task ManyClosersAtOnce_StoreOneStatement_AndAllServeItsBytes()
    {
        var h = await DeliveredAsync();
        h.At(4, 1, 6);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () => i % 2 == 0
            ? (await StatementAsync(h, "2026-03")).Json
            : await CloseDueThenReadAsync(h))));

        Assert.All(results, json => Assert.Equal(results[0], json));
        Assert.Single(h.Events("supplier-statement.closed"));
        Assert.Equal("2026-03", (await h.RowsAsync("acme", "statement-head")).Single().GetString("Period"));
    }

    [Fact]
    public async Task Closing_IsOneTransaction_WithTheStatementItsHeadItsEventAndTheFinishedOrders()
    {
        var faults = new FaultInjectingTableStore(new InMemoryTableStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Testing.TestClock.Start)));
        var h = await DeliveredAsync(faults);
        var transactions = new List<IReadOnlyList<TableOperation>>();
        faults.Before = call =>
        {
            if (call.Method == nameof(ITableStore.SubmitTransactionAsync) && call.Operations.Any(o => o.Entity.RowKey.StartsWith("statement", StringComparison.Ordinal)))
            {
                lock (transactions)
                {
                    transactions.Add(call.Operations);
                }
            }

            return Task.CompletedTask;
        };
        h.At(4, 1, 6);

        await StatementAsync(h, "2026-03");

        var operations = Assert.Single(transactions);
        Assert.Equal(
            ["statement|2026-03|d00", "statement|2026-03|p00", "statement-head", "outbox|", "active|PO-1"],
            operations.Select(o => o.Entity.RowKey.StartsWith("outbox|", StringComparison.Ordinal) ? "outbox|" : o.Entity.RowKey));

        // A close whose transaction fails leaves nothing behind, and the next request closes the period.
        var faults2 = new FaultInjectingTableStore(new InMemoryTableStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Testing.TestClock.Start)));
        var h2 = await DeliveredAsync(faults2);
        faults2.Before = call => call.Method == nameof(ITableStore.SubmitTransactionAsync) && call.Operations.Any(o => o.Entity.RowKey == "statement-head")
            ? throw new IOException("storage unreachable")
            : Task.CompletedTask;
        h2.At(4, 1, 6);
        await Assert.ThrowsAsync<IOException>(() => h2.Statements.GetAsync("acme", "2026-03", Ct));
        Assert.Empty(await h2.RowsAsync("acme", "statement"));
        faults2.Before = null;
        Assert.Equal(SupplierStatementDocument.Closed, (await StatementAsync(h2, "2026-03")).Document.Status);
    }

    [Fact]
    public async Task BadRequests_AreAnsweredAsValues()
    {
        var h = await DeliveredAsync();

        Assert.Equal(["period", "supplierId"], Assert.IsType<StatementResult.Invalid>(await h.Statements.GetAsync("a/b", "2026-13", Ct)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["period"], Assert.IsType<StatementResult.Invalid>(await h.Statements.GetAsync("acme", "2026-W10", Ct)).Errors.Keys);
        Assert.IsType<StatementResult.NoTerms>(await h.Statements.GetAsync("ghost", "2026-03", Ct));
        var early = Assert.IsType<StatementResult.NoSuchPeriod>(await h.Statements.GetAsync("acme", "2026-02", Ct));
        Assert.Equal(("2026-03", "2026-03"), (early.FirstPeriod, early.CurrentPeriod));
        Assert.IsType<StatementResult.NoSuchPeriod>(await h.Statements.GetAsync("acme", "2026-04", Ct));
    }

    private static async Task<byte[]> CloseDueThenReadAsync(PurchasingHarness h)
    {
        await h.Statements.CloseDueAsync("acme", Ct);
        return (await StatementAsync(h, "2026-03")).Json;
    }

    /// <summary>Records a return-to-vendor claim as returns triage does (claim row and day-index row).</summary>
    private static async Task RecordClaimAsync(PurchasingHarness h, string claimId, DateTimeOffset decidedAt, string lotId)
    {
        var claim = new SupplierClaimRecord(claimId, "acme", lotId, "r-1", "order-1", "CHIP-1:1", "CHIP-1", "Defective", "C", 19.99m, "EUR", null, "defective-under-warranty", decidedAt);
        await h.Store.CreateTableIfNotExistsAsync(h.Returns.SupplierClaimsTable, Ct);
        Assert.True((await h.Store.SubmitTransactionAsync(
            h.Returns.SupplierClaimsTable,
            [TableOperation.UpsertReplace(new TableEntity("acme", claimId, new Dictionary<string, object?> { ["LotId"] = lotId })), TableOperation.UpsertReplace(SupplierClaimDays.Entity(claim))],
            Ct)).Succeeded);
    }
}
