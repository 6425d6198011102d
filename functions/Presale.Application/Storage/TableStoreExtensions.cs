using System.Runtime.CompilerServices;

namespace Presale.Application.Storage;

/// <summary>Conveniences built on <see cref="ITableStore"/>'s paging.</summary>
public static class TableStoreExtensions
{
    /// <summary>Streams every row matching <paramref name="filter"/>, one page in memory at a time.</summary>
    public static async IAsyncEnumerable<TableEntity> QueryAllAsync(
        this ITableStore store,
        string table,
        TableFilter filter,
        int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? token = null;
        do
        {
            var page = await store.QueryAsync(table, filter, pageSize, token, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
