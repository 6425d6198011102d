using Presale.Adapters.InMemory;
using Presale.Application.Storage;

namespace Presale.Application.Tests.Orders;

public sealed class InMemoryNoOversellTests : NoOversellTests
{
    protected override ITableStore CreateStore(TimeProvider timeProvider) => new InMemoryTableStore(timeProvider);
}
