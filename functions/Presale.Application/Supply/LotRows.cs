using System.Globalization;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;

namespace Presale.Application.Supply;

/// <summary>
/// The lots table: partition = supplier id, row = lot id. A lot keeps its lines with received and cancelled units and
/// its whole ETA history, which later supplier events append to.
/// </summary>
internal static class LotRows
{
    public const string Registering = "registering";
    public const string Open = "open";

    public static TableEntity Entity(LotView lot, string requestHash) =>
        new(lot.SupplierId, lot.LotId, new Dictionary<string, object?>
        {
            ["PurchaseOrderReference"] = lot.PurchaseOrderReference,
            ["Eta"] = lot.Eta.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Status"] = lot.Status,
            ["Lines"] = JsonSerializer.Serialize(lot.Lines, PresaleJson.Options),
            ["EtaHistory"] = JsonSerializer.Serialize(lot.EtaHistory, PresaleJson.Options),
            ["RegisteredAt"] = lot.RegisteredAt,
            ["RequestHash"] = requestHash,
        });

    public static LotView Read(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetString("PurchaseOrderReference") ?? string.Empty,
        DateOnly.ParseExact(entity.GetString("Eta")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        entity.GetString("Status") ?? Registering,
        JsonSerializer.Deserialize<List<LotLineView>>(entity.GetString("Lines") ?? "[]", PresaleJson.Options) ?? [],
        JsonSerializer.Deserialize<List<EtaChangeView>>(entity.GetString("EtaHistory") ?? "[]", PresaleJson.Options) ?? [],
        entity.GetDateTimeOffset("RegisteredAt") ?? default);
}
