using System.Globalization;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>
/// One row per applied goods receipt, next to its lot in the supplier's partition of the lots table
/// (<c>receipt|{lotId}|{eventId}</c>), written in the receipt's own transaction: the lot row keeps only cumulative
/// received units, these keep each delivery's day and units, which settlement needs to tell on-time from late units
/// of split deliveries. One range query reads a lot's deliveries.
/// </summary>
public static class LotReceipts
{
    /// <summary>The row-key prefix of receipt rows.</summary>
    public const string Prefix = "receipt|";

    /// <summary>The row-key prefix of <paramref name="lotId"/>'s receipt rows.</summary>
    public static string PrefixOf(string lotId) => Prefix + lotId + "|";

    /// <summary>The row of receipt <paramref name="eventId"/> of <paramref name="lotId"/> received on <paramref name="receivedOn"/>.</summary>
    public static TableEntity Entity(string supplierId, string lotId, string eventId, DateOnly receivedOn, IEnumerable<(string Sku, int Units)> lines, DateTimeOffset recordedAt) =>
        new(supplierId, PrefixOf(lotId) + eventId, new Dictionary<string, object?>
        {
            ["LotId"] = lotId,
            ["EventId"] = eventId,
            ["ReceivedOn"] = receivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Lines"] = JsonSerializer.Serialize(lines.Select(l => new LotReceiptLine(l.Sku, l.Units)).ToList(), PresaleJson.Options),
            ["RecordedAt"] = recordedAt,
        });

    /// <summary>The receipt a row holds.</summary>
    public static LotReceipt Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new LotReceipt(
            row.GetString("LotId") ?? string.Empty,
            row.GetString("EventId") ?? string.Empty,
            DateOnly.ParseExact(row.GetString("ReceivedOn")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<LotReceiptLine>>(row.GetString("Lines") ?? "[]", PresaleJson.Options) ?? []);
    }
}
