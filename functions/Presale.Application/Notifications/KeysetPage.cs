using System.Buffers.Text;
using System.Text;
using Presale.Application.Storage;

namespace Presale.Application.Notifications;

/// <summary>
/// Keyset paging inside one partition and one row-key prefix: a page is the next rows after the last row key seen,
/// and the continuation token is that row key, base64url-encoded. The token names no partition, so it cannot reach
/// beyond the caller's partition; a token that does not decode to a key under the prefix is rejected.
/// </summary>
internal static class KeysetPage
{
    /// <summary>Reads up to <paramref name="limit"/> rows after <paramref name="afterRowKey"/> (exclusive) and the token of the next page.</summary>
    public static async Task<(IReadOnlyList<TableEntity> Items, string? ContinuationToken)> ReadAsync(
        ITableStore store, string table, string partition, string prefix, string? afterRowKey, int limit, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Partition(partition)
            & TableFilter.Gt("RowKey", afterRowKey ?? prefix)
            & TableFilter.Lt("RowKey", TableFilter.PrefixUpperBound(prefix));
        var items = new List<TableEntity>(limit + 1);
        string? storeToken = null;
        do
        {
            // One row more than asked tells whether another page exists.
            var page = await store.QueryAsync(table, filter, limit + 1 - items.Count, storeToken, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            storeToken = page.ContinuationToken;
        }
        while (items.Count <= limit && storeToken is not null);

        if (items.Count <= limit)
        {
            return (items, null);
        }

        items.RemoveRange(limit, items.Count - limit);
        return (items, Encode(items[^1].RowKey));
    }

    public static string Encode(string rowKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowKey));

    /// <summary>The row key in <paramref name="token"/>, or null when it is not a token of this listing.</summary>
    public static string? Decode(string token, string prefix)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return null;
        }

        string rowKey;
        try
        {
            rowKey = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        return rowKey.StartsWith(prefix, StringComparison.Ordinal) && rowKey.Length > prefix.Length && TableKey.Validate(rowKey) is null
            ? rowKey
            : null;
    }
}
