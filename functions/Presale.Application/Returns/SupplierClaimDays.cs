using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Application.Returns;

/// <summary>
/// A day index of a supplier's claims, in its partition of the claims table next to the claim rows
/// (<c>by-day|{yyyy-MM-dd}|{claimId}</c>, the UTC day the claim was decided), written in the same transaction as the
/// claim: settlement reads the claims of a few periods with one row-key range instead of every claim the supplier
/// ever had. Index rows repeat the facts settlement needs (SKU, lot, decision time) and carry no <c>LotId</c>
/// property, so claim counts per lot ignore them.
/// </summary>
public static class SupplierClaimDays
{
    /// <summary>The row-key prefix of index rows.</summary>
    public const string Prefix = "by-day|";

    /// <summary>The index row of <paramref name="claim"/>.</summary>
    public static TableEntity Entity(SupplierClaimRecord claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new TableEntity(claim.SupplierId, Prefix + Day(claim.CreatedAt) + "|" + claim.ClaimId, new Dictionary<string, object?>
        {
            ["ClaimId"] = claim.ClaimId,
            ["Sku"] = claim.Sku,
            ["ClaimLotId"] = claim.LotId,
            ["CreatedAt"] = claim.CreatedAt,
        });
    }

    /// <summary>The index rows of <paramref name="supplierId"/> for claims decided on UTC days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static TableFilter Between(string supplierId, DateOnly from, DateOnly to) =>
        TableFilter.RowRange(supplierId, Prefix + Day(from), Prefix + Day(to.AddDays(1)));

    /// <summary>The claim an index row names: id, SKU, lot (null when unknown) and decision time.</summary>
    public static (string ClaimId, string Sku, string? LotId, DateTimeOffset CreatedAt) Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (row.GetString("ClaimId") ?? string.Empty, row.GetString("Sku") ?? string.Empty, row.GetString("ClaimLotId"), row.GetDateTimeOffset("CreatedAt") ?? default);
    }

    private static string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(at.UtcDateTime));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
