using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

public sealed class SupplyLedgerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Sequence_PutsOnHandFirst_ThenLotsByEta_ThenCapAfterTheLastLot()
    {
        var ledger = SupplyLedger.Restore(5, [Lot("late", 20, Today.AddDays(30)), Lot("early", 10, Today.AddDays(7))], cap: 3);

        var sequence = ledger.Sequence(Today, capLeadDays: 14);

        Assert.Equal(["onhand", "lot/acme/early", "lot/acme/late", "cap"], sequence.Select(s => s.Source.Key));
        Assert.Equal([Today, Today.AddDays(7), Today.AddDays(30), Today.AddDays(44)], sequence.Select(s => s.AvailableOn));
        Assert.Equal(38, ledger.Capacity);
    }

    [Fact]
    public void Sequence_CountsALateLotFromToday()
    {
        var ledger = SupplyLedger.Restore(0, [Lot("overdue", 4, Today.AddDays(-3))], cap: 0);

        Assert.Equal(Today, ledger.Sequence(Today, 0)[1].AvailableOn);
    }

    [Fact]
    public void AdjustOnHand_BelowZero_IsRefusedWithReason()
    {
        var ledger = SupplyLedger.Restore(2, [], 0);

        Assert.Null(ledger.AdjustOnHand(-3, out var error));
        Assert.Contains("below zero", error, StringComparison.Ordinal);
        Assert.Equal(5, ledger.AdjustOnHand(3, out _)!.OnHand);
    }

    [Fact]
    public void AddLot_SameLineTwice_ChangesNothing_ADifferentLineIsAConflict()
    {
        var (ledger, added) = SupplyLedger.Empty(0).AddLot(Lot("l1", 10, Today));
        var (again, present) = ledger.AddLot(Lot("l1", 10, Today));
        var (_, conflict) = ledger.AddLot(Lot("l1", 11, Today));

        Assert.Equal(LotAddition.Added, added);
        Assert.Equal(LotAddition.AlreadyPresent, present);
        Assert.Same(ledger, again);
        Assert.Equal(LotAddition.Conflict, conflict);
    }

    private static InboundLot Lot(string id, int quantity, DateOnly eta) => new("acme", id, "PO-1", quantity, eta);
}
