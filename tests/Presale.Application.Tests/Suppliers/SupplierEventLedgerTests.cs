using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.InMemory;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Testing;

namespace Presale.Application.Tests.Suppliers;

public sealed class SupplierEventLedgerTests
{
    private const string Table = "lots";
    private const string Supplier = "acme";
    private readonly InMemoryTableStore _store = new();
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly SupplierEventLedger _ledger;

    public SupplierEventLedgerTests() => _ledger = new SupplierEventLedger(_store, _time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateTimeOffset T(int minutes) => _time.GetUtcNow().AddMinutes(minutes);

    [Fact]
    public async Task Decide_NewEvent_AppliesWithAnEventRowAndTheLotWatermark()
    {
        await _store.CreateTableIfNotExistsAsync(Table, Ct);

        var decision = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(0)), Ct);
        Assert.True((await _store.SubmitTransactionAsync(Table, decision.Operations, Ct)).Succeeded);

        Assert.Equal(SupplierEventOutcome.Applied, decision.Outcome);
        Assert.NotNull(await _store.GetAsync(Table, Supplier, SupplierEventLedger.EventRowKey("e1"), Ct));
        var watermark = await _store.GetAsync(Table, Supplier, SupplierEventLedger.LotRowKey("lot-1"), Ct);
        Assert.Equal(T(0), watermark!.GetDateTimeOffset("LastAppliedSupplierTimestamp"));
    }

    [Fact]
    public async Task Decide_UncommittedDecision_RecordsNothing()
    {
        await _store.CreateTableIfNotExistsAsync(Table, Ct);

        await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(0)), Ct);
        var again = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(0)), Ct);

        Assert.Equal(SupplierEventOutcome.Applied, again.Outcome);
    }

    [Fact]
    public async Task Decide_SameEventIdAfterCommit_IsDuplicateWithNoOperations()
    {
        await ApplyAsync(Eta("e1", "lot-1", T(0)));
        _time.Advance(TimeSpan.FromMinutes(1));

        var decision = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(5)), Ct);

        Assert.Equal(SupplierEventOutcome.Duplicate, decision.Outcome);
        Assert.Empty(decision.Operations);
        Assert.Equal(_time.GetUtcNow().AddMinutes(-1), decision.OriginallyRecordedAt);
    }

    [Fact]
    public async Task Decide_EtaUpdateOlderThanTheLotsWatermark_IsStale_EqualOrNewerApplies()
    {
        await ApplyAsync(Eta("e2", "lot-1", T(10)));

        var older = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(9)), Ct);
        var equal = await _ledger.DecideAsync(Table, Supplier, Eta("e3", "lot-1", T(10)), Ct);
        var otherLot = await _ledger.DecideAsync(Table, Supplier, Eta("e4", "lot-2", T(0)), Ct);

        Assert.Equal(SupplierEventOutcome.Stale, older.Outcome);
        Assert.Equal(T(10), older.LastAppliedSupplierTimestamp);
        Assert.Equal(SupplierEventOutcome.Applied, equal.Outcome);
        Assert.Equal(SupplierEventOutcome.Applied, otherLot.Outcome);
    }

    [Fact]
    public async Task Decide_ReceiptOlderThanTheWatermark_StillApplies_AndANewerReceiptMakesOlderEtaUpdatesStale()
    {
        await ApplyAsync(Eta("e1", "lot-1", T(10)));

        var lateReceipt = await _ledger.DecideAsync(Table, Supplier, Receipt("r1", "lot-1", T(5)), Ct);
        await _store.SubmitTransactionAsync(Table, lateReceipt.Operations, Ct);
        await ApplyAsync(Receipt("r2", "lot-1", T(20)));
        var etaBeforeReceipt = await _ledger.DecideAsync(Table, Supplier, Eta("e2", "lot-1", T(15)), Ct);

        Assert.Equal(SupplierEventOutcome.Applied, lateReceipt.Outcome);
        Assert.Single(lateReceipt.Operations);
        Assert.Equal(SupplierEventOutcome.Stale, etaBeforeReceipt.Outcome);
    }

    [Fact]
    public async Task Decide_TwoDeliveriesRacing_ExactlyOneCommitsAndTheOtherBecomesDuplicate()
    {
        await _store.CreateTableIfNotExistsAsync(Table, Ct);
        var first = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(0)), Ct);
        var second = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(0)), Ct);

        var effect = TableOperation.UpsertMerge(new TableEntity(Supplier, "effect", new Dictionary<string, object?> { ["Count"] = 1 }));
        var won = await _store.SubmitTransactionAsync(Table, [effect, .. first.Operations], Ct);
        var lost = await _store.SubmitTransactionAsync(Table, [effect, .. second.Operations], Ct);
        var retried = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(0)), Ct);

        Assert.True(won.Succeeded);
        Assert.True(second.LostRace(lost, 1));
        Assert.Equal(SupplierEventOutcome.Duplicate, retried.Outcome);
    }

    [Fact]
    public async Task Decide_TwoEventsOfOneLotRacing_TheLoserIsJudgedAgainstTheWinner()
    {
        await ApplyAsync(Eta("e0", "lot-1", T(0)));
        var newer = await _ledger.DecideAsync(Table, Supplier, Eta("e2", "lot-1", T(20)), Ct);
        var older = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(10)), Ct);

        Assert.True((await _store.SubmitTransactionAsync(Table, newer.Operations, Ct)).Succeeded);
        var lost = await _store.SubmitTransactionAsync(Table, older.Operations, Ct);
        var retried = await _ledger.DecideAsync(Table, Supplier, Eta("e1", "lot-1", T(10)), Ct);

        Assert.True(older.LostRace(lost, 0));
        Assert.Equal(SupplierEventOutcome.Stale, retried.Outcome);
    }

    [Theory]
    [InlineData("bad/id", "lot-1")]
    [InlineData("e1", "")]
    public async Task Decide_InvalidIds_Throw(string eventId, string lotId)
    {
        await _store.CreateTableIfNotExistsAsync(Table, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => _ledger.DecideAsync(Table, Supplier, Eta(eventId, lotId, T(0)), Ct));
    }

    private static SupplierEvent Eta(string id, string lot, DateTimeOffset at) => new(Supplier, id, lot, at, SupplierEventKind.EtaUpdate);

    private static SupplierEvent Receipt(string id, string lot, DateTimeOffset at) => new(Supplier, id, lot, at, SupplierEventKind.Receipt);

    private async Task ApplyAsync(SupplierEvent supplierEvent)
    {
        await _store.CreateTableIfNotExistsAsync(Table, Ct);
        var decision = await _ledger.DecideAsync(Table, Supplier, supplierEvent, Ct);
        Assert.True(decision.ShouldApply);
        Assert.True((await _store.SubmitTransactionAsync(Table, decision.Operations, Ct)).Succeeded);
    }
}
