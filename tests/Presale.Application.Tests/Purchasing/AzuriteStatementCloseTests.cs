using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Outbox;
using Presale.Application.Settlement;
using Presale.Application.Storage;
using Presale.Application.Tests.Orders;
using Presale.Testing;

namespace Presale.Application.Tests.Purchasing;

/// <summary>
/// Closing a statement on Azurite is all or nothing: the table service itself refuses the close's transaction part way
/// (a row already stands where it writes its event), and none of the statement's rows, its head or its finished orders' removals is left
/// behind; once the obstacle is gone the period closes once, with the figures of its deliveries.
/// </summary>
public sealed class AzuriteStatementCloseTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    [Fact]
    public async Task Close_RefusedPartWayByTheTableService_LeavesNothing_ThenClosesOnce()
    {
        var azure = new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());
        var faults = new FaultInjectingTableStore(azure);
        var h = new PurchasingHarness(faults, AzuriteFixture.UniqueName("p"));
        await h.Flow.Ordering.ConfigureShopAsync("Europe/Berlin", handlingDays: 2);
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 50);
        var secret = await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 1.25m)));
        await h.PurchaseOrderAsync("PO-1", "acme", new DateOnly(2026, 3, 10), ("CHIP-1", 30, null));
        var ack = await h.SignedAcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("ack-1", h.Time.GetUtcNow(), [(1, 30, new DateOnly(2026, 3, 10))]), secret);
        Assert.IsType<Application.Purchasing.AcknowledgementResult.Acknowledged>(ack.Result);
        h.At(3, 10, 12);
        await h.Flow.ReceiptAsync("rcv-1", "PO-1-L1", h.Time.GetUtcNow(), ("CHIP-1", 30));
        h.At(4, 2, 8);

        // Before each close, plant a row where the close will write its event: the service refuses the whole transaction.
        var attempts = 0;
        TableEntity? planted = null;
        faults.Before = async call =>
        {
            if (call.Method == nameof(ITableStore.SubmitTransactionAsync) && call.Operations.Any(o => o.Entity.RowKey == "statement-head"))
            {
                Interlocked.Increment(ref attempts);
                var eventRow = call.Operations.Single(o => o.Entity.RowKey.StartsWith(OutboxRows.Prefix, StringComparison.Ordinal)).Entity;
                Assert.Contains(call.Operations, o => o.Entity.RowKey == "active|PO-1");
                planted = eventRow;
                await azure.UpsertAsync(call.Table, eventRow, cancellationToken: Ct);
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Statements.GetAsync("acme", "2026-03", Ct));

        faults.Before = null;
        Assert.True((await azure.DeleteAsync(h.Options.PurchasingTable, planted!.PartitionKey, planted.RowKey, ETag.Any, Ct)).Succeeded);
        Assert.True(attempts > 1);
        Assert.Empty(await h.RowsAsync("acme", "statement"));
        Assert.Single(await h.RowsAsync("acme", "active|PO-1"));
        Assert.Empty(h.Events("supplier-statement.closed"));

        var closed = Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", "2026-03", Ct)).Export;
        var again = Assert.IsType<StatementResult.Ready>(await h.Statements.GetAsync("acme", "2026-03", Ct)).Export;

        Assert.Equal(closed.Json, again.Json);
        Assert.Equal(SupplierStatementDocument.Closed, closed.Document.Status);
        Assert.Equal(37.50m, closed.Document.Statement.Totals.Goods.Amount);
        Assert.Single(h.Events("supplier-statement.closed"));
        Assert.Single(await h.RowsAsync("acme", "statement-head"));
        Assert.Empty(await h.RowsAsync("acme", "active|PO-1"));
    }
}
