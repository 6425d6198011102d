using Presale.Adapters.InMemory;
using Presale.Application.Suppliers;
using Presale.Application.Tests.Reconciliation;

namespace Presale.Application.Tests.Suppliers;

public sealed class SupplierLotsQueryTests
{
    [Fact]
    public async Task Reads_CreateTheirTablesOnceNotOnEveryRequest()
    {
        var store = new InterposingTableStore(new InMemoryTableStore());
        var h = new ReconciliationHarness(store);
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync("KB-75", 0, lot: ("L1", 10, 10));
        var query = new SupplierLotsQuery(store, h.Ordering.Options, h.Claims);
        var before = store.TablesCreated;

        Assert.Single(await query.ListAsync("acme", ReconciliationHarness.Ct));
        Assert.Single(await query.ListAsync("acme", ReconciliationHarness.Ct));
        Assert.Single(await query.GetLotsAsync("acme", ReconciliationHarness.Ct));

        // The lots table and the supplier claims table, once each.
        Assert.Equal(2, store.TablesCreated - before);
    }
}
