using Presale.Adapters.InMemory;
using Presale.Adapters.Tests.Tables;
using Presale.Application.Storage;

namespace Presale.Adapters.Tests.InMemory;

/// <summary>The conformance suite on the in-memory twin.</summary>
public sealed class InMemoryTableStoreConformanceTests : TableStoreConformanceTests
{
    private readonly InMemoryTableStore _store = new();

    protected override ITableStore Store => _store;

    protected override long RequestCount => _store.OperationCount;
}
