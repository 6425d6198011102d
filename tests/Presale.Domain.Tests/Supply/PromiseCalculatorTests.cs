using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Supply;

namespace Presale.Domain.Tests.Supply;

public sealed class PromiseCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Property_PromiseAtPosition_IsNeverEarlierThanTheBackingSupplyPlusHandling()
    {
        Prop.ForAll(Ledgers(), Gen.Choose(0, 200).ToArbitrary(), Gen.Choose(0, 10).ToArbitrary(), (ledger, position, handling) =>
        {
            var sequence = ledger.Sequence(Today, 14);
            var segment = PromiseCalculator.SegmentAt(sequence, position);
            var promise = PromiseCalculator.PromiseAt(sequence, position, handling);
            return segment is null
                ? promise is null && position >= ledger.Capacity
                : promise >= segment.AvailableOn.AddDays(handling) && promise >= Today.AddDays(handling);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_PromiseIsMonotoneInQueuePosition()
    {
        Prop.ForAll(Ledgers(), Gen.Choose(0, 150).Two().ToArbitrary(), (ledger, positions) =>
        {
            var (a, b) = positions;
            var (first, second) = a <= b ? (a, b) : (b, a);
            var sequence = ledger.Sequence(Today, 14);
            var early = PromiseCalculator.PromiseAt(sequence, first, 2);
            var late = PromiseCalculator.PromiseAt(sequence, second, 2);
            return late is null || (early is not null && early <= late);
        }).QuickCheckThrowOnFailure();
    }

    private static Arbitrary<SupplyLedger> Ledgers() =>
        (from onHand in Gen.Choose(0, 40)
         from lots in Gen.ListOf(Gen.Choose(0, 30).Two())
         from cap in Gen.Choose(0, 20)
         select SupplyLedger.Restore(onHand, lots.Select((l, i) => new InboundLot("s", "l" + i, "PO", l.Item1, Today.AddDays(l.Item2 - 5))), cap))
        .ToArbitrary();
}
