using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>
/// The lots of a supplier by ETA, in the supplier's own partition of the lots table (<c>eta|{yyyy-MM-dd}|{lotId}</c>),
/// so each row is written in the same entity-group transaction as the lot change that set the ETA and one row-key
/// range per supplier finds every lot due before a date — no table scan. Rows are only ever upserted: an ETA change
/// adds the new date's row and leaves the old one, which the overdue sweep drops when it finds it no longer matches
/// the lot (the lot row is the record; the index only says where to look).
/// </summary>
public static class LotEtaIndex
{
    /// <summary>The row-key prefix of index rows.</summary>
    public const string Prefix = "eta|";

    /// <summary>The row key of <paramref name="lotId"/> due on <paramref name="eta"/>.</summary>
    public static string RowKey(DateOnly eta, string lotId) => Prefix + Date(eta) + "|" + lotId;

    /// <summary>The upsert that indexes <paramref name="lotId"/> under <paramref name="eta"/> (idempotent; joins the lot's transaction).</summary>
    public static TableOperation Upsert(string supplierId, string lotId, DateOnly eta) =>
        TableOperation.UpsertReplace(new TableEntity(supplierId, RowKey(eta, lotId), new Dictionary<string, object?>
        {
            ["IndexedLotId"] = lotId,
            ["IndexedEta"] = Date(eta),
        }));

    /// <summary>The index rows of <paramref name="supplierId"/> with an ETA before <paramref name="before"/>, oldest first.</summary>
    public static TableFilter DueBefore(string supplierId, DateOnly before) => TableFilter.RowRange(supplierId, Prefix, Prefix + Date(before));

    /// <summary>The lot and ETA an index row names.</summary>
    public static (string LotId, DateOnly Eta) Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (row.GetString("IndexedLotId") ?? string.Empty, DateOnly.ParseExact(row.GetString("IndexedEta")!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
