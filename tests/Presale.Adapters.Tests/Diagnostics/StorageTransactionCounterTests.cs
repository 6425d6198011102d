using System.Net;
using Azure.Core.Pipeline;
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

    private static async Task<(long Reads, long Queries, long Writes, long Batches, long Other)> CountOneOrderLikeWorkloadAsync(ITableStore store, StorageTransactionCounter counter)
    {
        var table = "c" + Guid.NewGuid().ToString("N")[..16];
        await store.CreateTableIfNotExistsAsync(table, Ct);
        counter.Reset();
        await store.InsertAsync(table, new TableEntity("p", "a"), Ct);
        var read = await store.GetAsync(table, "p", "a", Ct);
        await store.SubmitTransactionAsync(table, [TableOperation.Replace(read!), TableOperation.Insert(new TableEntity("p", "b"))], Ct);
        await store.QueryAsync(table, TableFilter.Partition("p"), 1, null, Ct);
        await store.DeleteAsync(table, "p", "b", ETag.Any, Ct);
        await store.CreateTableIfNotExistsAsync(table, Ct);
        return (counter.Reads, counter.Queries, counter.Writes, counter.Batches, counter.Of(StorageTransactionKind.Other));
    }

    [Fact]
    public async Task PolicyOnTheSdkAdapter_AndDecoratorOnTheTwin_CountTheSameTransactionsOfEachKind()
    {
        var restCounter = new StorageTransactionCounter();
        var options = new StorageClientOptions();
        options.AdditionalPerRetryPolicies.Add(new StorageTransactionCountingPolicy(restCounter));
        var sdk = new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), options);
        var twinCounter = new StorageTransactionCounter();
        var twin = new CountingTableStore(new InMemoryTableStore(), twinCounter);

        var sdkCount = await CountOneOrderLikeWorkloadAsync(sdk, restCounter);
        var twinCount = await CountOneOrderLikeWorkloadAsync(twin, twinCounter);

        Assert.Equal((1L, 1L, 2L, 1L, 1L), sdkCount);
        Assert.Equal(sdkCount, twinCount);
        Assert.Equal(6, restCounter.Count);
    }

    [Fact]
    public async Task Policy_CountsEveryAttempt_SoARetriedReadIsBilledTwice()
    {
        var counter = new StorageTransactionCounter();
        var handler = new ScriptedHttpHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"odata.error":{"code":"ServerBusy","message":{"lang":"en-US","value":"busy"}}}""")
            .Respond(HttpStatusCode.OK, """{"odata.etag":"W/\"1\"","PartitionKey":"p","RowKey":"r","Timestamp":"2026-03-02T09:00:00Z"}""");
        var options = new StorageClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.AdditionalPerRetryPolicies.Add(new StorageTransactionCountingPolicy(counter));
        var store = new TableStorageStore(StorageAccount.FromConnectionString("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5"), options);

        var row = await store.GetAsync("orders", "p", "r", Ct);

        Assert.NotNull(row);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(2, counter.Reads);
        Assert.Equal(2, counter.Count);
    }
}
