using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;
using Presale.Testing;

namespace Presale.Application.Tests.Returns;

/// <summary>The shipping-refund races on the in-memory twin.</summary>
public sealed class InMemoryShippingRefundConcurrencyTests : ShippingRefundConcurrencyTests
{
    protected override ITableStore CreateStore() => new InMemoryTableStore(new FakeTimeProvider(TestClock.Start));

    protected override string TablePrefix() => "t";
}
