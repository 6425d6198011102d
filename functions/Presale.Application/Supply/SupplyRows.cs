using System.Globalization;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Catalog;
using Presale.Domain.Common;
using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>
/// The layout of one SKU's partition in the supply table. Everything that must change atomically lives in it, so
/// every change is one entity-group transaction: the settings (<c>0|settings</c>), the ledger (<c>1|ledger</c>), the
/// allocation shards (<c>2|shard|NN</c>), stock adjustments (<c>5|adj|{id}</c>), the stock each shipment of an order
/// line took (<c>6|ship|{orderId}|{attempt}|{shipmentId}</c>) and reservations (<c>7|res|{orderId}|{line}</c>). One
/// range query (<c>RowKey &lt; "3"</c>) reads a SKU's whole sellable state.
/// </summary>
internal static class SupplyRows
{
    public const string Settings = "0|settings";
    public const string Ledger = "1|ledger";
    public const string StateStart = "0";
    public const string StateEnd = "3";
    private const string ShardPrefix = "2|shard|";

    public static string Shard(int index) => ShardPrefix + index.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The reconciliation fence: the number of the latest plan written for the SKU (see docs/reconciliation.md).</summary>
    public const string PlanFence = "4|plan";

    /// <summary>First row key of the reservation rows.</summary>
    public const string ReservationStart = "7|res|";

    /// <summary>Upper bound (exclusive) of the reservation rows.</summary>
    public const string ReservationEnd = "7|res}";

    public static string Adjustment(string adjustmentId) => "5|adj|" + adjustmentId;

    /// <summary>
    /// The row of the stock one attempt of a shipment took for its order's line of the SKU (each SKU is on one line of
    /// an order and once in a shipment). The attempt number comes before the shop's shipment id, which may hold '|'.
    /// </summary>
    public static string ShipmentStock(string orderId, int attempt, string shipmentId) =>
        "6|ship|" + orderId + "|" + attempt.ToString(CultureInfo.InvariantCulture) + "|" + shipmentId;

    /// <summary>
    /// A shipment's stock row: <paramref name="state"/> (<see cref="ShipmentStockTaken"/> or
    /// <see cref="ShipmentStockGivenBack"/>), the units it took off on hand and out of the line's reservation, and a copy
    /// of the reservation row as it was before (<paramref name="reservationBefore"/>, when there was one) from which the
    /// reservation is rebuilt if its stock is given back after the row was removed.
    /// </summary>
    public static TableEntity ShipmentStockEntity(Sku sku, string rowKey, string state, string shipmentId, int lineNumber, int shippedUnits, int reservedUnits, DateTimeOffset at, TableEntity? reservationBefore)
    {
        var properties = (reservationBefore?.Properties ?? new Dictionary<string, object>()).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        properties["State"] = state;
        properties["ShipmentId"] = shipmentId;
        properties["LineNumber"] = lineNumber;
        properties["ShippedUnits"] = shippedUnits;
        properties["ReservedUnits"] = reservedUnits;
        properties["At"] = at;
        return new TableEntity(sku.Value, rowKey, properties);
    }

    /// <summary>The <c>State</c> of a shipment stock row whose units are out of stock.</summary>
    public const string ShipmentStockTaken = "Taken";

    /// <summary>The <c>State</c> of a shipment stock row whose units were given back (or were never taken): final.</summary>
    public const string ShipmentStockGivenBack = "GivenBack";

    public static string Reservation(string orderId, int lineNumber) =>
        "7|res|" + orderId + "|" + lineNumber.ToString("D3", CultureInfo.InvariantCulture);

    public static TableEntity SettingsEntity(SkuSettings settings, ETag etag = default) =>
        new(settings.Sku.Value, Settings, new Dictionary<string, object?>
        {
            ["PreSaleEnabled"] = settings.PreSaleEnabled,
            ["SaleFrom"] = settings.SaleFrom,
            ["SaleTo"] = settings.SaleTo,
            ["Cap"] = settings.Cap,
            ["MaxPerOrder"] = settings.MaxPerOrder,
            ["HandlingDays"] = settings.HandlingDays,
            ["CapLeadDays"] = settings.CapLeadDays,
            ["Category"] = settings.Category,
        }, etag);

    public static SkuSettings ReadSettings(Sku sku, TableEntity entity) => new(
        sku,
        entity.GetBoolean("PreSaleEnabled") ?? false,
        entity.GetDateTimeOffset("SaleFrom"),
        entity.GetDateTimeOffset("SaleTo"),
        entity.GetInt32("Cap") ?? 0,
        entity.GetInt32("MaxPerOrder") ?? 1,
        entity.GetInt32("HandlingDays"),
        entity.GetInt32("CapLeadDays") ?? 0,
        entity.GetString("Category"));

    public static TableEntity LedgerEntity(Sku sku, SupplyLedger ledger, int shardCount, long version, ETag etag = default) =>
        new(sku.Value, Ledger, new Dictionary<string, object?>
        {
            ["OnHand"] = ledger.OnHand,
            ["Cap"] = ledger.Cap,
            ["Shortfall"] = ledger.Shortfall,
            ["Lots"] = JsonSerializer.Serialize(ledger.Lots.Select(l => new LotDocument(l.SupplierId, l.LotId, l.PurchaseOrderReference, l.Quantity, l.Eta, l.Received)).ToList(), PresaleJson.Options),
            ["ShardCount"] = shardCount,
            ["Version"] = version,
        }, etag);

    public static SupplyLedger ReadLedger(TableEntity entity)
    {
        var lots = JsonSerializer.Deserialize<List<LotDocument>>(entity.GetString("Lots") ?? "[]", PresaleJson.Options) ?? [];
        return SupplyLedger.Restore(
            entity.GetInt32("OnHand") ?? 0,
            lots.Select(l => new InboundLot(l.SupplierId, l.LotId, l.PurchaseOrderReference, l.Quantity, l.Eta) { Received = l.Received }),
            entity.GetInt32("Cap") ?? 0,
            entity.GetInt32("Shortfall") ?? 0);
    }

    public static TableEntity ShardEntity(Sku sku, AllocationShard shard, long ledgerVersion, ETag etag = default) =>
        new(sku.Value, Shard(shard.Index), new Dictionary<string, object?>
        {
            ["Segments"] = JsonSerializer.Serialize(shard.Segments.ToDictionary(s => s.Key, s => new[] { s.Value.Quota, s.Value.Reserved }), PresaleJson.Options),
            ["LedgerVersion"] = ledgerVersion,
        }, etag);

    public static StoredShard ReadShard(TableEntity entity)
    {
        var index = int.Parse(entity.RowKey.AsSpan(ShardPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
        var segments = JsonSerializer.Deserialize<Dictionary<string, int[]>>(entity.GetString("Segments") ?? "{}", PresaleJson.Options) ?? [];
        var shard = new AllocationShard(index, segments.Select(s => KeyValuePair.Create(s.Key, new ShardQuota(s.Value[0], s.Value[1]))));
        return new StoredShard(shard, entity.ETag, entity.GetInt64("LedgerVersion") ?? 0);
    }

    public static SkuState? ReadState(Sku sku, IEnumerable<TableEntity> rows)
    {
        TableEntity? settings = null;
        TableEntity? ledger = null;
        var shards = new List<StoredShard>();
        foreach (var row in rows)
        {
            if (row.RowKey == Settings)
            {
                settings = row;
            }
            else if (row.RowKey == Ledger)
            {
                ledger = row;
            }
            else if (row.RowKey.StartsWith(ShardPrefix, StringComparison.Ordinal))
            {
                shards.Add(ReadShard(row));
            }
        }

        if (settings is null || ledger is null)
        {
            return null;
        }

        return new SkuState(
            ReadSettings(sku, settings),
            settings.ETag,
            ReadLedger(ledger),
            ledger.ETag,
            ledger.GetInt64("Version") ?? 0,
            shards.OrderBy(s => s.Shard.Index).ToList());
    }

    public static TableEntity ReservationEntity(Sku sku, Reservation reservation) =>
        new(sku.Value, Reservation(reservation.OrderId, reservation.LineNumber), new Dictionary<string, object?>
        {
            ["OrderId"] = reservation.OrderId,
            ["LineNumber"] = reservation.LineNumber,
            ["Quantity"] = reservation.Quantity,
            ["Parts"] = JsonSerializer.Serialize(reservation.Parts.Select(p => new PartDocument(p.Shard, p.Source.Key, p.Quantity)).ToList(), PresaleJson.Options),
            ["PromisedOn"] = reservation.Promise.PromisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Source"] = reservation.Promise.Source.Key,
            ["ReservedAt"] = reservation.ReservedAt,
            ["Tier"] = reservation.Demand?.Tier.ToString(),
            ["PlacedAt"] = reservation.Demand?.PlacedAt,
            ["Tracking"] = Orders.TrackingDocument.Serialize(reservation.Demand?.Tracking),
        });

    public static Reservation ReadReservation(TableEntity entity)
    {
        var parts = JsonSerializer.Deserialize<List<PartDocument>>(entity.GetString("Parts") ?? "[]", PresaleJson.Options) ?? [];
        return new Reservation(
            entity.GetString("OrderId")!,
            entity.GetInt32("LineNumber") ?? 0,
            entity.GetInt32("Quantity") ?? 0,
            parts.Select(p => new AllocationPart(p.Shard, SupplySource.FromKey(p.Source), p.Quantity)).ToList(),
            new LinePromise(DateOnly.ParseExact(entity.GetString("PromisedOn")!, "yyyy-MM-dd", CultureInfo.InvariantCulture), SupplySource.FromKey(entity.GetString("Source")!)),
            entity.GetDateTimeOffset("ReservedAt") ?? default,
            entity.GetString("Tier") is { } tier && entity.GetDateTimeOffset("PlacedAt") is { } placedAt
                ? new ReservationDemand(Enum.Parse<CustomerTier>(tier), placedAt, Orders.TrackingDocument.Deserialize(entity.GetString("Tracking")))
                : null);
    }

    private sealed record LotDocument(string SupplierId, string LotId, string PurchaseOrderReference, int Quantity, DateOnly Eta, int Received = 0);

    private sealed record PartDocument(int Shard, string Source, int Quantity);
}
