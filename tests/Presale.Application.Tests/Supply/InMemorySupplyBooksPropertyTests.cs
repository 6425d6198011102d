using Presale.Adapters.InMemory;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Application.Tests.Supply;

/// <summary>The books property on the in-memory twin.</summary>
public sealed class InMemorySupplyBooksPropertyTests : SupplyBooksPropertyTests
{
    protected override (int Histories, int Steps) Size => (20, 16);

    protected override ITableStore CreateStore() => new InMemoryTableStore(new ManualTimeProvider());
}
