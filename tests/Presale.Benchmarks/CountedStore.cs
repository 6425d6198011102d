using Presale.Adapters.Diagnostics;
using Presale.Adapters.InMemory;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Benchmarks;

/// <summary>
/// A store under test with the counter of its storage transactions: on Azurite the SDK adapter with a
/// <see cref="StorageTransactionCountingPolicy"/> (every HTTP attempt, retries included: what Azure bills), on the twin a
/// <see cref="CountingTableStore"/> (one per call through the port).
/// </summary>
public sealed record CountedStore(ITableStore Store, StorageTransactionCounter Counter)
{
    /// <summary>The Azurite the benchmarks use: <c>PRESALE_TEST_STORAGE</c>, else the development account on the default ports.</summary>
    public static string AzuriteConnectionString => Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE") ??
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteFixture.DevelopmentAccountKey + ";" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";

    /// <summary><c>twin</c> (in memory) or <c>azurite</c> (the Azure.Data.Tables adapter against <see cref="AzuriteConnectionString"/>).</summary>
    public static CountedStore Create(string store) => store switch
    {
        "twin" => Twin(new InMemoryTableStore()),
        "azurite" => Azurite(),
        _ => throw new ArgumentException($"Unknown store '{store}'.", nameof(store)),
    };

    /// <summary><paramref name="inner"/>, an in-process store, counted call by call.</summary>
    public static CountedStore Twin(ITableStore inner)
    {
        var counter = new StorageTransactionCounter();
        return new CountedStore(new CountingTableStore(inner, counter), counter);
    }

    private static CountedStore Azurite()
    {
        var counter = new StorageTransactionCounter();
        var options = new StorageClientOptions();
        options.AdditionalPerRetryPolicies.Add(new StorageTransactionCountingPolicy(counter));
        return new CountedStore(new TableStorageStore(StorageAccount.FromConnectionString(AzuriteConnectionString), options), counter);
    }
}
