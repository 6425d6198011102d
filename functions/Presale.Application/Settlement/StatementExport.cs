using System.Text;
using System.Text.Json;

namespace Presale.Application.Settlement;

/// <summary>A statement ready to serve: the document, its JSON bytes and its CSV.</summary>
/// <param name="Document">The statement.</param>
/// <param name="Json">Its JSON, UTF-8 (for a closed statement, the bytes stored when it closed).</param>
/// <param name="Csv">Its items as CSV (RFC 4180), UTF-8, rendered from <paramref name="Document"/>.</param>
public sealed record StatementExport(SupplierStatementDocument Document, byte[] Json, byte[] Csv)
{
    /// <summary>The export of <paramref name="json"/> (stored or just written).</summary>
    public static StatementExport FromJson(string json)
    {
        var document = JsonSerializer.Deserialize<SupplierStatementDocument>(json, SettlementJson.Options) ?? throw new FormatException("A stored statement is empty.");
        return new StatementExport(document, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(StatementCsv.Render(document)));
    }

    /// <summary>The JSON of <paramref name="document"/> (compact, camelCase: the project's JSON dialect; amounts as <c>{amount, currency}</c>).</summary>
    public static string ToJson(SupplierStatementDocument document) => JsonSerializer.Serialize(document, SettlementJson.Options);
}
