using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Presale.Application.Storage;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>
/// The multipart/mixed body of an entity group transaction (<c>POST /$batch</c>) and the parsing of its response:
/// one changeset, each operation an <c>application/http</c> part with an absolute URL; the response holds one inner
/// response per operation on success, or one 4xx response naming the failing operation's index.
/// </summary>
internal static partial class TableBatch
{
    public static (byte[] Body, string ContentType) Build(Uri tableEndpoint, string table, IReadOnlyList<TableOperation> operations)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            var (method, url, ifMatch, hasBody) = Describe(tableEndpoint, table, operation);
            text.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
                .Append("Content-ID: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
                .Append("Accept: application/json;odata=minimalmetadata\r\n")
                .Append("Prefer: return-no-content\r\n")
                .Append("DataServiceVersion: 3.0;\r\n");
            if (ifMatch is not null)
            {
                text.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (hasBody)
            {
                text.Append("Content-Type: application/json\r\n\r\n")
                    .Append(Encoding.UTF8.GetString(TableJson.Serialize(operation.Entity))).Append("\r\n");
            }
            else
            {
                text.Append("\r\n");
            }
        }

        text.Append("--").Append(changeset).Append("--\r\n")
            .Append("--").Append(batch).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/mixed; boundary=" + batch);
    }

    private static (string Method, string Url, string? IfMatch, bool HasBody) Describe(Uri endpoint, string table, TableOperation operation)
    {
        var collection = endpoint.AbsoluteUri.TrimEnd('/') + "/" + table;
        var entity = collection + HandWrittenTableStore.KeyPath(operation.Entity.PartitionKey, operation.Entity.RowKey);
        return operation.Kind switch
        {
            TableOperationKind.Insert => ("POST", collection, null, true),
            TableOperationKind.Replace => ("PUT", entity, operation.IfMatch.Value, true),
            TableOperationKind.Merge => ("MERGE", entity, operation.IfMatch.Value, true),
            TableOperationKind.UpsertReplace => ("PUT", entity, null, true),
            TableOperationKind.UpsertMerge => ("MERGE", entity, null, true),
            TableOperationKind.Delete => ("DELETE", entity, operation.IfMatch.Value, false),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown operation kind."),
        };
    }

    /// <summary>The inner responses of a batch response body, in order.</summary>
    public static IReadOnlyList<InnerResponse> Parse(string body)
    {
        var responses = new List<InnerResponse>();
        var normalized = body.Replace("\r\n", "\n", StringComparison.Ordinal);
        foreach (Match match in StatusLine().Matches(normalized))
        {
            var start = match.Index;
            var next = normalized.IndexOf("\n--", start, StringComparison.Ordinal);
            var block = next < 0 ? normalized[start..] : normalized[start..next];
            var headerEnd = block.IndexOf("\n\n", StringComparison.Ordinal);
            var headerText = headerEnd < 0 ? block : block[..headerEnd];
            var content = headerEnd < 0 ? string.Empty : block[(headerEnd + 2)..].Trim();
            var lines = headerText.Split('\n');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            responses.Add(new InnerResponse(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), headers, content));
        }

        return responses;
    }

    /// <summary>The failing operation's index: the <c>n:</c> prefix of the error message, else the echoed Content-ID.</summary>
    public static int? FailedIndex(InnerResponse response)
    {
        var message = TableErrors.Message(response.Body);
        if (message is not null && MessageIndex().Match(message) is { Success: true } m)
        {
            return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return response.Headers.TryGetValue("Content-ID", out var id) && int.TryParse(id, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex MessageIndex();

    /// <summary>One inner response of a batch.</summary>
    public sealed record InnerResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
}
