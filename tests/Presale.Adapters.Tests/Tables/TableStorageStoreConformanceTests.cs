using Presale.Adapters.Diagnostics;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Adapters.Tests.Tables;

/// <summary>The conformance suite on the Table Storage REST adapter against real Azurite.</summary>
public sealed class TableStorageStoreConformanceTests : TableStoreConformanceTests
{
    private readonly StorageTransactionCounter _requests = new();
    private readonly TableStorageStore _store;

    public TableStorageStoreConformanceTests(AzuriteFixture azurite)
    {
        var options = new StorageClientOptions();
        options.AdditionalPerRetryPolicies.Add(new StorageTransactionCountingPolicy(_requests));
        _store = new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), options);
    }

    protected override ITableStore Store => _store;

    protected override long RequestCount => _requests.Count;
}
