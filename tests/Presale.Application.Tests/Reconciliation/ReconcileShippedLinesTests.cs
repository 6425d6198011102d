using Presale.Application.Orders;
using Presale.Application.Suppliers;
using Presale.Domain.Reconciliation;

namespace Presale.Application.Tests.Reconciliation;

/// <summary>Shipped units are no longer demand: reconciliation plans, pegs and tracks only what a line still has to ship.</summary>
public sealed class ReconcileShippedLinesTests
{
    private const string Sku = "KB-75";

    private static CancellationToken Ct => ReconciliationHarness.Ct;

    [Fact]
    public async Task Reconcile_APartlyShippedLine_PlansOnlyTheUnitsStillToShip_AndALineShippedInFullNoMore()
    {
        var h = new ReconciliationHarness();
        await h.Ordering.ConfigureShopAsync();
        await h.Ordering.CreateSkuAsync(Sku, onHand: 1, lot: ("L1", 5, 10));
        var order = await h.PlaceAsync(Sku, 3); // one unit on hand, two on the lot
        await h.ReconcileAsync(Sku);

        Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, order, "p1", 1));
        var afterShipment = await h.ReconcileAsync(Sku);

        var tracking = (await h.TrackingAsync(order))!;
        Assert.Equal(1, afterShipment.OrdersPlanned);
        Assert.Equal(PromiseStatus.OnTrack, tracking.Status);
        Assert.Equal(0, tracking.AllocatedUnits);
        Assert.Equal([new Peg(SupplySource.Lot("lot/acme/L1"), 2)], tracking.Pegs);
        Assert.Equal((2L, 2L), await h.Ordering.ReservedAsync(Sku));

        // The lot arrives: the two units left are ready to ship; once they ship the line is planned no more.
        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync("r-1", "L1", h.Ordering.Time.GetUtcNow(), (Sku, 5)));
        await h.ReconcileAsync(Sku);
        Assert.Equal((PromiseStatus.ReadyToShip, 2), ((await h.TrackingAsync(order))!.Status, (await h.TrackingAsync(order))!.AllocatedUnits));
        Assert.IsType<RecordShipmentResult.Recorded>(await ShipAsync(h, order, "p2", 2));
        var afterLast = await h.ReconcileAsync(Sku);

        Assert.Equal(0, afterLast.OrdersPlanned);
        var state = await h.Ordering.StateAsync(Sku);
        Assert.Equal((1 + 5 - 3, 0L), (state.Ledger.OnHand, state.Reserved));
        Assert.Equal(3, (await h.OrderAsync(order)).QuantityShipped(Domain.Common.Sku.From(Sku)));
    }

    private static Task<RecordShipmentResult> ShipAsync(ReconciliationHarness h, string orderId, string shipmentId, int units) =>
        h.Ordering.Ship.RecordAsync(orderId, new RecordShipmentRequest(shipmentId, [new ShipmentLineRequest(Sku, units)], h.Today, null), Ct);
}
