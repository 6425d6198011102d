using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Tests.Reconciliation;

/// <summary>
/// Reconciliation recomputes from state: whatever supplier events arrive (new ETAs, short shipments, receipts,
/// cancellations, duplicates and stale ones) and however the reconcile messages are interleaved, duplicated or run
/// concurrently, the end state equals one reconcile run after the same events with no message in between.
/// </summary>
public sealed class ReconcilePropertyTests
{
    private const string Sku = "KB-75";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>One step of a generated history.</summary>
    /// <param name="Kind">0 new ETA, 1 short shipment, 2 receipt, 3 cancellation, 4 a delivered event again.</param>
    /// <param name="Lot">Which lot (L1 or L2).</param>
    /// <param name="Value">Days from today for an ETA, units for a shipment or receipt, which earlier event to repeat.</param>
    /// <param name="Older">Whether the supplier's timestamp is older than the previous event's (may be judged stale).</param>
    /// <param name="Reconciles">Reconcile messages delivered after the step: 0 none, 1 one, 2 two in a row, 3 two at once.</param>
    public sealed record Step(int Kind, int Lot, int Value, bool Older, int Reconciles);

    private static Gen<Step> StepGen =>
        from kind in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)), (2, Gen.Constant(4)))
        from lot in Gen.Choose(1, 2)
        from value in Gen.Choose(0, 30)
        from older in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from reconciles in Gen.Choose(0, 3)
        select new Step(kind, lot, value, older, reconciles);

    [Fact]
    public void Reconcile_AnyEventsWithInterleavedDuplicatedOrConcurrentMessages_EndsAsOneFreshReconcile() =>
        Prop.ForAll(
            Gen.ListOf(StepGen).Select(s => s.Take(12).ToArray()).ToArbitrary(),
            Gen.Choose(2, 6).ToArbitrary(),
            (steps, orders) => RunAsync(steps, orders).GetAwaiter().GetResult())
        .Check(Config.QuickThrowOnFailure.WithMaxTest(20));

    private static async Task<bool> RunAsync(Step[] steps, int orderCount)
    {
        var messy = await SetUpAsync(orderCount);
        var calm = await SetUpAsync(orderCount);

        var applied = new List<Func<ReconciliationHarness, Task>>();
        var clock = T0;
        foreach (var step in steps)
        {
            clock = step.Older ? clock.AddMinutes(-30) : clock.AddMinutes(10);
            var at = clock;
            var eventId = "e-" + applied.Count.ToString(CultureInfo.InvariantCulture);
            var lotId = "L" + step.Lot.ToString(CultureInfo.InvariantCulture);
            Func<ReconciliationHarness, Task> apply = step.Kind switch
            {
                0 => h => h.EtaAsync(eventId, lotId, at, Date(h.Today.AddDays(1 + step.Value))),
                1 => h => h.EtaAsync(eventId, lotId, at, null, [new SupplierLotLineRequest(Sku, step.Value % 11)]),
                2 => h => h.ReceiptAsync(eventId, lotId, at, (Sku, 1 + (step.Value % 5))),
                3 => h => h.EtaAsync(eventId, lotId, at, null, cancelled: true),
                _ when applied.Count > 0 => applied[step.Value % applied.Count],
                _ => _ => Task.CompletedTask,
            };
            applied.Add(apply);
            await apply(messy);
            await apply(calm);

            switch (step.Reconciles)
            {
                case 1:
                    await messy.ReconcileAsync(Sku);
                    break;
                case 2:
                    await messy.ReconcileAsync(Sku);
                    await messy.ReconcileAsync(Sku);
                    break;
                case 3:
                    await Task.WhenAll(Task.Run(() => messy.ReconcileAsync(Sku)), Task.Run(() => messy.ReconcileAsync(Sku)));
                    break;
            }
        }

        // The last message of each history, and the one reconcile of the calm one.
        await messy.ReconcileAsync(Sku);
        await calm.ReconcileAsync(Sku);

        for (var i = 0; i < orderCount; i++)
        {
            var expected = (await calm.TrackingAsync(calm.PlacedOrders[i]))!;
            var actual = (await messy.TrackingAsync(messy.PlacedOrders[i]))!;
            if ((expected.Status, expected.Estimate, expected.AllocatedUnits) != (actual.Status, actual.Estimate, actual.AllocatedUnits) || !expected.Pegs.SequenceEqual(actual.Pegs))
            {
                throw new InvalidOperationException($"Order {i}: expected {expected.Status} {expected.Estimate} {expected.AllocatedUnits} [{string.Join(", ", expected.Pegs)}], got {actual.Status} {actual.Estimate} {actual.AllocatedUnits} [{string.Join(", ", actual.Pegs)}].");
            }
        }

        var calmState = await calm.Ordering.StateAsync(Sku);
        var messyState = await messy.Ordering.StateAsync(Sku);
        var calmReserved = ReservationRealigner.Reserved(calmState.AllocationShards);
        var messyReserved = ReservationRealigner.Reserved(messyState.AllocationShards);
        if (!calmReserved.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(messyReserved.OrderBy(p => p.Key, StringComparer.Ordinal))
            || (calmState.Ledger.OnHand, calmState.Ledger.Shortfall) != (messyState.Ledger.OnHand, messyState.Ledger.Shortfall)
            || await calm.Ordering.ReservedAsync(Sku) != await messy.Ordering.ReservedAsync(Sku))
        {
            throw new InvalidOperationException($"Shards differ: expected {Describe(calmReserved)} (on hand {calmState.Ledger.OnHand}, shortfall {calmState.Ledger.Shortfall}), got {Describe(messyReserved)} (on hand {messyState.Ledger.OnHand}, shortfall {messyState.Ledger.Shortfall}).");
        }

        // And a further message, once no earlier run can still be writing, changes nothing and leaves a complete plan:
        // every reservation row mirrors its order.
        messy.Ordering.Time.Advance(messy.Options.RunTimeout + TimeSpan.FromMinutes(1.5));
        var again = await messy.ReconcileAsync(Sku);
        var stale = await messy.StaleCopiesAsync(Sku);
        if (stale.Count > 0 || !(await messy.Plans.GetFenceAsync(Domain.Common.Sku.From(Sku), ReconciliationHarness.Ct)).Completed)
        {
            throw new InvalidOperationException($"The plan is not complete; reservation rows out of date with their orders: {string.Join(", ", stale)}.");
        }

        return again.OrdersWritten == 0 && !again.SupplyChanged;
    }

    private static string Describe(IReadOnlyDictionary<string, long> reserved) =>
        string.Join(", ", reserved.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>KB-75 with 2 on hand, lots L1 (6 units, 10 days) and L2 (6 units, 20 days), and single-unit orders in alternating tiers, settled.</summary>
    private static async Task<ReconciliationHarness> SetUpAsync(int orders)
    {
        var h = new ReconciliationHarness();
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync(Sku, 2, lot: ("L1", 6, 10));
        var second = await h.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest("L2", "PO-L2", h.Today.AddDays(20), [new LotLineRequest(Sku, 6)]), ReconciliationHarness.Ct);
        Assert.IsType<LotRegistrationResult.Registered>(second);
        for (var i = 0; i < orders; i++)
        {
            h.PlacedOrders.Add(await h.PlaceAsync(Sku, 1 + (i % 2), i % 3 == 0 ? CustomerTier.Platinum : CustomerTier.Standard));
        }

        await h.ReconcileAsync(Sku);
        return h;
    }
}
