using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Application.Tests.Returns;

/// <summary>The shipping-refund races against real Azurite through the Table Storage REST adapter.</summary>
public sealed class AzuriteShippingRefundConcurrencyTests(AzuriteFixture azurite) : ShippingRefundConcurrencyTests
{
    protected override ITableStore CreateStore() =>
        new TableStorageStore(StorageAccount.FromConnectionString(azurite.ConnectionString), new StorageClientOptions());

    protected override string TablePrefix() => AzuriteFixture.UniqueName("s");
}
