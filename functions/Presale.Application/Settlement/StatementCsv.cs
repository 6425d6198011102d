using System.Globalization;
using System.Text;
using Presale.Domain.Common;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Settlement;

/// <summary>
/// The CSV export of a statement (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks
/// quoted): a header, one row per item, then one <c>total</c> row per total. Numbers in invariant culture, amounts with
/// their currency's decimals, dates <c>yyyy-MM-dd</c>. Text fields that a spreadsheet would read as a formula (starting
/// with <c>= + - @</c>) get a leading apostrophe. Rendered only from the document, so the same document always gives the
/// same bytes.
/// </summary>
public static class StatementCsv
{
    /// <summary>The header row's columns.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "supplierId", "period", "status", "kind", "rule", "purchaseOrderId", "lineNumber", "sku", "claimId", "units", "unitCost", "rate", "basis",
        "amount", "currency", "adjustment", "waived", "dueDate", "description",
    ];

    /// <summary>The CSV text of <paramref name="document"/>.</summary>
    public static string Render(SupplierStatementDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var s = document.Statement;
        var csv = new StringBuilder();
        Row(csv, Columns);
        foreach (var item in s.Items)
        {
            Row(csv, [
                Text(s.SupplierId), s.Period, document.Status, Name(item.Kind.ToString()), Name(item.Rule.ToString()), Text(item.PurchaseOrderId),
                item.LineNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Text(item.Sku), Text(item.ClaimId),
                item.Units.ToString(CultureInfo.InvariantCulture), item.UnitCost?.Amount.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                item.Rate?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Amount(item.Basis), Amount(item.Amount), item.Amount.Currency,
                item.Adjustment ? "true" : "false", item.Waived ? "true" : "false", string.Empty, Text(item.Description),
            ]);
        }

        foreach (var (name, total) in new[]
        {
            ("goods", s.Totals.Goods), ("chargebacks", s.Totals.Chargebacks), ("returnCredits", s.Totals.ReturnCredits), ("rebates", s.Totals.Rebates), ("payable", s.Totals.Payable),
        })
        {
            Row(csv, [
                Text(s.SupplierId), s.Period, document.Status, "total", name, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty,
                string.Empty, string.Empty, Amount(total), total.Currency, "false", "false",
                name == "payable" ? s.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty, string.Empty,
            ]);
        }

        return csv.ToString();
    }

    private static string Amount(Money? money) => money is { } m ? MoneyRounding.Round(m.Amount, m.Currency).ToString(CultureInfo.InvariantCulture) : string.Empty;

    private static string Text(string? text) => text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text ?? string.Empty;

    private static string Name(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    private static void Row(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }
}
