using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Application.Tests.Orders;

/// <summary>The no-oversell tests against real Azurite through the Table Storage REST adapter.</summary>
public sealed class AzuriteNoOversellTests(AzuriteFixture azurite) : NoOversellTests
{
    protected override ITableStore CreateStore(TimeProvider timeProvider) =>
        new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());

    protected override string TablePrefix() => AzuriteFixture.UniqueName("o");
}
