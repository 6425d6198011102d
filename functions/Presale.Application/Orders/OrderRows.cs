using System.Globalization;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Orders;
using Presale.Domain.Supply;

namespace Presale.Application.Orders;

/// <summary>
/// The layout of an order partition: orders (<c>order|{id}</c>), saga markers (<c>saga|{due ticks}|{id}</c>: an order
/// the sweeper must finish or undo once due) and outbox rows (see <see cref="Outbox.OutboxRows"/>).
/// </summary>
internal static class OrderRows
{
    public const string SagaPrefix = "saga|";

    public static string Order(string orderId) => "order|" + orderId;

    public static string Saga(DateTimeOffset due, string orderId) =>
        SagaPrefix + due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + orderId;

    public static string SagaUpperBound(DateTimeOffset now) =>
        SagaPrefix + (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);

    public static TableEntity SagaEntity(string partition, string rowKey, string orderId) =>
        new(partition, rowKey, new Dictionary<string, object?> { ["OrderId"] = orderId });

    public static TableEntity OrderEntity(string partition, Order order, string requestHash, string? sagaMarker, string? outcomeKind, string? outcome) =>
        new(partition, Order(order.Id), new Dictionary<string, object?>
        {
            ["CustomerId"] = order.CustomerId,
            ["Tier"] = order.Tier.ToString(),
            ["Email"] = order.Contact.Email,
            ["Phone"] = order.Contact.Phone,
            ["Currency"] = order.Currency,
            ["Lines"] = JsonSerializer.Serialize(order.Lines.Select(l => new LineDocument(
                l.LineNumber,
                l.Sku.Value,
                l.Quantity,
                l.UnitPrice.Amount,
                l.Promise?.PromisedOn,
                l.Promise?.Source.Key,
                l.Tracking is { } t ? TrackingDocument.From(t) : null)).ToList(), PresaleJson.Options),
            ["Status"] = order.Status.ToString(),
            ["PlacedAt"] = order.PlacedAt,
            ["UpdatedAt"] = order.UpdatedAt,
            ["CancellationReason"] = order.CancellationReason,
            ["RefundDue"] = order.RefundDue?.Amount,
            ["ShippingCharge"] = order.ShippingCharge.Amount == 0m ? null : order.ShippingCharge.Amount,
            ["RequestHash"] = requestHash,
            ["SagaMarker"] = sagaMarker,
            ["OutcomeKind"] = outcomeKind,
            ["Outcome"] = outcome,
            ["Shipments"] = order.ShipmentRecords.Count == 0 ? null : JsonSerializer.Serialize(order.ShipmentRecords.Select(s => new ShipmentDocument(
                s.Id,
                s.Lines.Select(l => new ShipmentLineDocument(l.Sku.Value, l.Quantity)).ToList(),
                s.ShippedOn,
                s.DeliveredOn,
                s.Stock == ShipmentStock.Taken ? null : s.Stock,
                s.Attempt == 1 ? null : s.Attempt,
                s.Refusal)).ToList(), PresaleJson.Options),
        });

    public static StoredOrder Read(TableEntity entity)
    {
        var currency = entity.GetString("Currency")!;
        var lines = JsonSerializer.Deserialize<List<LineDocument>>(entity.GetString("Lines") ?? "[]", PresaleJson.Options) ?? [];
        var order = Domain.Orders.Order.Restore(
            entity.RowKey["order|".Length..],
            entity.GetString("CustomerId")!,
            Enum.Parse<CustomerTier>(entity.GetString("Tier")!),
            new NotificationContact(entity.GetString("Email"), entity.GetString("Phone")),
            currency,
            lines.Select(l => new OrderLine(
                l.LineNumber,
                Sku.From(l.Sku),
                l.Quantity,
                new Money(l.UnitPrice, currency),
                l.PromisedOn is { } date && l.Source is { } source ? new LinePromise(date, SupplySource.FromKey(source)) : null)
            {
                Tracking = l.Tracking?.ToTracking(),
            }),
            entity.GetDateTimeOffset("PlacedAt") ?? default,
            Enum.Parse<OrderStatus>(entity.GetString("Status")!),
            entity.GetDateTimeOffset("UpdatedAt"),
            entity.GetString("CancellationReason"),
            entity.GetDecimal("RefundDue") is { } refund ? new Money(refund, currency) : null,

            // Orders stored before shipping charges were recorded have no column: nothing was charged.
            new Money(entity.GetDecimal("ShippingCharge") ?? 0m, currency));
        var shipments = JsonSerializer.Deserialize<List<ShipmentDocument>>(entity.GetString("Shipments") ?? "[]", PresaleJson.Options) ?? [];
        order.RestoreShipments(shipments.Select(s => new Shipment(s.Id, [.. s.Lines.Select(l => new ShipmentLine(Sku.From(l.Sku), l.Quantity))], s.ShippedOn, s.DeliveredOn)
        {
            Stock = s.Stock ?? ShipmentStock.Taken,
            Attempt = s.Attempt ?? 1,
            Refusal = s.Refusal,
        }));
        return new StoredOrder(
            order,
            entity.ETag,
            entity.PartitionKey,
            entity.GetString("RequestHash") ?? string.Empty,
            entity.GetString("SagaMarker") is { Length: > 0 } marker ? marker : null,
            entity.GetString("OutcomeKind"),
            entity.GetString("Outcome"));
    }

    // Stock and Attempt are left out for a shipment taken at its first attempt (the common case, and how shipments
    // recorded before shipping took stock read).
    private sealed record ShipmentDocument(string Id, List<ShipmentLineDocument> Lines, DateOnly ShippedOn, DateOnly? DeliveredOn, ShipmentStock? Stock = null, int? Attempt = null, string? Refusal = null);

    private sealed record ShipmentLineDocument(string Sku, int Quantity);

    private sealed record LineDocument(int LineNumber, string Sku, int Quantity, decimal UnitPrice, DateOnly? PromisedOn, string? Source, TrackingDocument? Tracking = null);
}
