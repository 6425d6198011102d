using System.Globalization;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Outbox;
using Presale.Application.Payments;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>
/// Takes recorded shipments' units out of stock and settles them on the order. The order row and the SKUs' supply
/// partitions are in different tables, so it is a saga, ordered so that a process dying anywhere leaves books the
/// sweeper brings to balance:
/// <list type="number">
/// <item>The order records the shipment <see cref="ShipmentStock.Pending"/> with a saga marker (the request handler).</item>
/// <item>Each line's units are taken out of on hand and the line's reservation, one transaction per SKU, idempotent by
/// the shipment attempt's stock row (<see cref="ShipmentStockStore.TakeAsync"/>).</item>
/// <item>The decision is written on the order under its ETag: every line taken → <see cref="ShipmentStock.Taken"/> with the
/// reconcile message and the <c>payment.due</c> events of the on-ship amounts its lines now owe (and the marker removed); a line short → <see cref="ShipmentStock.Refused"/>, the marker kept.</item>
/// <item>A refused shipment's lines are given back (<see cref="ShipmentStockStore.GiveBackAsync"/>: final, so a late taker
/// cannot take them again), then the marker is removed under the order's ETag.</item>
/// </list>
/// The decision is the order's, made once under its ETag before anything is given back, so two callers finishing the
/// same shipment (the request and the sweeper) cannot disagree: the loser re-reads and follows it.
/// </summary>
public sealed class ShipmentSaga(OrderRepository orders, ShipmentStockStore stock, OutboxPublisher outbox, OrdersOptions options, ShopSettingsStore shops, PaymentDueEvents paymentsDue, RandomSource random, TimeProvider timeProvider)
{
    /// <summary>
    /// Brings every shipment of the order in <paramref name="stored"/> that is taking or giving back its stock to rest,
    /// and removes the order's saga marker; returns the order as stored afterwards. An order that is not confirmed is
    /// returned as it is (a cancellation settles its shipments before it is written).
    /// </summary>
    public async Task<StoredOrder> FinishAsync(StoredOrder stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        for (var attempt = 1; ; attempt++)
        {
            await ConflictBackoff.DelayAsync(attempt, random, cancellationToken).ConfigureAwait(false);
            if (attempt > 1)
            {
                stored = await orders.GetAsync(stored.Order.Id, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Order {stored.Order.Id} disappeared while its shipments were being settled.");
            }

            var order = stored.Order;
            var pending = order.ShipmentRecords.Where(s => s.Stock == ShipmentStock.Pending).ToList();
            if (order.Status != OrderStatus.Confirmed || (pending.Count == 0 && stored.SagaMarker is null))
            {
                return stored;
            }

            var now = timeProvider.GetUtcNow();
            var messages = new List<OutboxMessage>();
            foreach (var shipment in pending)
            {
                if (await TakeAsync(order, shipment, cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    order.RefuseShipmentStock(shipment.Id, refusal);
                }
                else
                {
                    var before = shipment.Lines.Select(l => LineNumber(order, l.Sku)).Distinct().ToDictionary(n => n, n => OrderSchedule.Progress(order, n));
                    order.TakeShipmentStock(shipment.Id);
                    messages.Add(Shipped(order, shipment, now));
                    var shop = await shops.GetAsync(cancellationToken).ConfigureAwait(false);
                    messages.AddRange(before.SelectMany(line => paymentsDue.Messages(order, shop, line.Key, line.Value, now)));
                }
            }

            var refused = order.ShipmentRecords.Where(s => s.Stock == ShipmentStock.Refused).ToList();
            if (pending.Count > 0)
            {
                // The decision, before anything is given back; the marker stays while refused stock is to be given back.
                var decided = await orders.TryWriteShipmentsAsync(stored, refused.Count > 0 ? now + options.ReleaseRetryDelay : null, messages, cancellationToken).ConfigureAwait(false);
                if (decided is null)
                {
                    continue;
                }

                stored = decided;
                foreach (var message in messages)
                {
                    await outbox.TryPublishAsync(stored.Partition, message, cancellationToken).ConfigureAwait(false);
                }

                if (refused.Count == 0)
                {
                    return stored;
                }
            }

            foreach (var shipment in refused)
            {
                foreach (var line in shipment.Lines)
                {
                    await stock.GiveBackAsync(line.Sku, order.Id, LineNumber(order, line.Sku), shipment.Attempt, shipment.Id, cancellationToken).ConfigureAwait(false);
                }
            }

            if (await orders.TryWriteShipmentsAsync(stored, null, [], cancellationToken).ConfigureAwait(false) is { } settled)
            {
                return settled;
            }
        }
    }

    /// <summary>Takes every line of <paramref name="shipment"/> out of stock; null when all were taken, else why not.</summary>
    private async Task<string?> TakeAsync(Order order, Shipment shipment, CancellationToken cancellationToken)
    {
        foreach (var line in shipment.Lines)
        {
            var taken = await stock.TakeAsync(line.Sku, order.Id, LineNumber(order, line.Sku), shipment.Attempt, shipment.Id, line.Quantity, cancellationToken).ConfigureAwait(false);
            switch (taken)
            {
                case StockTake.Short shortage:
                    return $"SKU {line.Sku} has {shortage.OnHand} unit(s) on hand, fewer than the {line.Quantity} shipped: record the receipt or a stock count (POST /api/skus/{line.Sku}/stock-adjustments), then post the shipment again.";
                case StockTake.GivenBack:
                    return $"The stock of shipment {shipment.Id} was refused and given back meanwhile; post the shipment again.";
            }
        }

        return null;
    }

    private static int LineNumber(Order order, Domain.Common.Sku sku) =>
        order.Lines.FirstOrDefault(l => l.Sku == sku)?.LineNumber
        ?? throw new InvalidOperationException($"Order {order.Id} has no line of SKU {sku} although a shipment holds it.");

    /// <summary>The reconcile message of a shipment whose units left the stock: its SKUs' plans lost those units' demand and stock.</summary>
    private static OutboxMessage Shipped(Order order, Shipment shipment, DateTimeOffset at)
    {
        var number = order.ShipmentRecords.ToList().FindIndex(s => s.Id == shipment.Id) + 1;
        var body = new OrderEventMessage(OrderEventMessage.Shipped, order.Id, order.Status, [.. shipment.Lines.Select(l => l.Sku.Value)], at);
        return new OutboxMessage(
            order.Id + "-shipped-" + number.ToString(CultureInfo.InvariantCulture),
            OrderEventMessage.Shipped,
            JsonSerializer.Serialize(body, PresaleJson.Options),
            order.Id,
            at);
    }
}
