using System.Globalization;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Domain.Common;

namespace Presale.Application.Purchasing;

/// <summary>
/// Supplier terms: one row in the supplier's partition of the purchasing table, and per catalogue SKU a row in that
/// SKU's index partition naming the supplier (so "who offers this SKU" is one range query). The terms row is the
/// record; an index row whose supplier's terms no longer list the SKU is ignored when read and removed with the next save.
/// </summary>
public sealed class SupplierTermsStore(ITableStore store, PurchasingOptions options)
{
    private readonly TableBootstrap _tables = new(store, [options.PurchasingTable]);

    /// <summary>The supplier's terms, or null.</summary>
    public async Task<StoredSupplierTerms?> GetAsync(string supplierId, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(options.PurchasingTable, PurchasingRows.SupplierPartition(supplierId), PurchasingRows.Terms, cancellationToken).ConfigureAwait(false);
        if (row is null || ChunkedText.Read(row, "Terms") is not { } json)
        {
            return null;
        }

        var request = JsonSerializer.Deserialize<SupplierTermsRequest>(json, PresaleJson.Options) ?? throw new FormatException($"The terms of supplier {supplierId} are empty.");
        return new StoredSupplierTerms(
            supplierId,
            request,
            SupplierTermsMapping.ToTerms(request),
            DateOnly.ParseExact(row.GetString("EffectiveFrom")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetDateTimeOffset("UpdatedAt") ?? default);
    }

    /// <summary>Saves validated terms (last writer wins), then brings the SKU index in line with the catalogue.</summary>
    public async Task<StoredSupplierTerms> PutAsync(string supplierId, SupplierTermsRequest request, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var terms = SupplierTermsMapping.ToTerms(request);
        var before = await GetAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var saved = new StoredSupplierTerms(supplierId, request, terms, before?.EffectiveFrom ?? today, now);
        var row = new TableEntity(
            PurchasingRows.SupplierPartition(supplierId),
            PurchasingRows.Terms,
            ChunkedText.Properties("Terms", JsonSerializer.Serialize(request, PresaleJson.Options)).Concat(new Dictionary<string, object?>
            {
                ["EffectiveFrom"] = saved.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["UpdatedAt"] = now,
            }));
        var written = await store.UpsertAsync(options.PurchasingTable, row, merge: false, cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded)
        {
            throw new InvalidOperationException($"Saving the terms of supplier {supplierId} failed with {written.Status}.");
        }

        foreach (var item in terms.Catalogue)
        {
            var index = new TableEntity(PurchasingRows.SkuPartition(item.Sku.Value), PurchasingRows.Source(supplierId), new Dictionary<string, object?> { ["SupplierId"] = supplierId });
            await store.UpsertAsync(options.PurchasingTable, index, merge: false, cancellationToken).ConfigureAwait(false);
        }

        foreach (var dropped in (before?.Terms.Catalogue ?? []).Select(i => i.Sku).Except(terms.Catalogue.Select(i => i.Sku)))
        {
            await store.DeleteAsync(options.PurchasingTable, PurchasingRows.SkuPartition(dropped.Value), PurchasingRows.Source(supplierId), ETag.Any, cancellationToken).ConfigureAwait(false);
        }

        return saved;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> SKUs some supplier's catalogue offers, in ordinal order, after
    /// <paramref name="after"/> (exclusive; null from the first): one range query over the SKU index partitions
    /// (<c>sku|…</c>), each SKU once. An index row whose supplier no longer offers the SKU may still name it here; the
    /// offers themselves (<see cref="OffersOfAsync"/>) are exact.
    /// </summary>
    public async Task<IReadOnlyList<Sku>> OfferedSkusAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var first = PurchasingRows.SkuPartition(string.Empty);
        var filter = TableFilter.Gt("PartitionKey", after is null ? first : PurchasingRows.SkuPartition(after))
            & TableFilter.Lt("PartitionKey", TableFilter.PrefixUpperBound(first));
        var skus = new List<Sku>(limit);
        await foreach (var row in store.QueryAllAsync(options.PurchasingTable, filter, 1000, cancellationToken).ConfigureAwait(false))
        {
            if (Sku.TryParse(row.PartitionKey[first.Length..], out var sku, out _) && (skus.Count == 0 || skus[^1] != sku))
            {
                skus.Add(sku);
                if (skus.Count == limit)
                {
                    break;
                }
            }
        }

        return skus;
    }

    /// <summary>The suppliers whose terms list <paramref name="sku"/>, with their terms (one range query, then a point read per supplier).</summary>
    public async Task<IReadOnlyList<StoredSupplierTerms>> OffersOfAsync(Sku sku, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var suppliers = new List<string>();
        await foreach (var row in store.QueryAllAsync(options.PurchasingTable, TableFilter.Partition(PurchasingRows.SkuPartition(sku.Value)), 1000, cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("SupplierId") is { } supplierId)
            {
                suppliers.Add(supplierId);
            }
        }

        var offers = new List<StoredSupplierTerms>();
        foreach (var supplierId in suppliers.Order(StringComparer.Ordinal))
        {
            if (await GetAsync(supplierId, cancellationToken).ConfigureAwait(false) is { } terms && terms.Terms.Offer(sku) is not null)
            {
                offers.Add(terms);
            }
        }

        return offers;
    }
}
