using Presale.Adapters.Diagnostics;
using Presale.Adapters.InMemory;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Adapters.Tests.Diagnostics;

public sealed class StorageTransactionCounterTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static async Task<long> CountOneOrderLikeWorkloadAsync(ITableStore store, StorageTransactionCounter counter)
    {
        var table = "c" + Guid.NewGuid().ToString("N")[..16];
        await store.CreateTableIfNotExistsAsync(table, Ct);
        counter.Reset();
        await store.InsertAsync(table, new TableEntity("p", "a"), Ct);
        var read = await store.GetAsync(table, "p", "a", Ct);
        await store.SubmitTransactionAsync(table, [TableOperation.Replace(read!), TableOperation.Insert(new TableEntity("p", "b"))], Ct);
        await store.QueryAsync(table, TableFilter.Partition("p"), 1, null, Ct);
        return counter.Count;
    }

    [Fact]
    public async Task PolicyOnTheRestAdapter_AndDecoratorOnTheTwin_CountTheSameTransactions()
    {
        var restCounter = new StorageTransactionCounter();
        var options = new StorageClientOptions();
        options.AdditionalPerRetryPolicies.Add(new StorageTransactionCountingPolicy(restCounter));
        var rest = new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), options);
        var twinCounter = new StorageTransactionCounter();
        var twin = new CountingTableStore(new InMemoryTableStore(), twinCounter);

        var restCount = await CountOneOrderLikeWorkloadAsync(rest, restCounter);
        var twinCount = await CountOneOrderLikeWorkloadAsync(twin, twinCounter);

        Assert.Equal(4, restCount);
        Assert.Equal(4, twinCount);
    }
}
