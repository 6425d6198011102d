using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Application.Tests.Supply;

/// <summary>The books property against real Azurite through the Table Storage REST adapter.</summary>
public sealed class AzuriteSupplyBooksPropertyTests(AzuriteFixture azurite) : SupplyBooksPropertyTests
{
    protected override (int Histories, int Steps) Size => (5, 12);

    protected override ITableStore CreateStore() =>
        new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());

    protected override string TablePrefix() => AzuriteFixture.UniqueName("b");
}
