using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>The ids of every registered supplier (one filtered query of the suppliers table), i.e. the partitions of the lots table that sweeps visit.</summary>
public static class RegisteredSuppliers
{
    /// <summary>The registered supplier ids.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(ITableStore store, SuppliersOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var ids = new List<string>();
        await foreach (var row in store.QueryAllAsync(options.SuppliersTable, TableFilter.Eq("RowKey", StoredSupplier.RowKey), 1000, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.PartitionKey);
        }

        return ids;
    }
}
