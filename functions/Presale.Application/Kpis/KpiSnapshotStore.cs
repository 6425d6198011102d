using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Storage;
using Presale.Application.Suppliers;

namespace Presale.Application.Kpis;

/// <summary>
/// The KPI snapshot's rows in <see cref="KpiOptions.KpisTable"/>, each one JSON document (<c>Facts</c>):
/// partition <c>shop</c> holds <c>day|{yyyy-MM-dd}</c> for every day from the first order to the last run's today and
/// <c>status</c> (the shop now); <c>sku|{sku}</c> holds that SKU's days; <c>suppliers</c> one row per supplier (its
/// scorecard); <c>customers|{00–0f}</c> one row per customer (bucketed by a hash of the id so a run reads 16 partitions,
/// not one per customer). A run writes only rows whose document changed, in transactions of up to 100 per partition;
/// a day's recorded stock (inventory value, on hand) is kept when later runs no longer see that day as today.
/// </summary>
public sealed class KpiSnapshotStore(ITableStore store, KpiOptions options)
{
    private const string ShopPartition = "shop";
    private const string SuppliersPartition = "suppliers";
    private const string StatusRow = "status";
    private const string DayPrefix = "day|";
    private const int CustomerBuckets = 16;
    private readonly TableBootstrap _tables = new(store, [options.KpisTable]);

    private string Table => options.KpisTable;

    /// <summary>The shop now, as the last run found it; null before the first run.</summary>
    public async Task<KpiStatus?> GetStatusAsync(CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(Table, ShopPartition, StatusRow, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read<KpiStatus>(row);
    }

    /// <summary>The shop's day rows from the day before <paramref name="from"/> to <paramref name="to"/> (one range query).</summary>
    public async Task<IReadOnlyDictionary<DateOnly, ShopDayFacts>> ShopDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await DaysAsync<ShopDayFacts>(ShopPartition, Day(from.AddDays(-1)), Day(to.AddDays(1)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A SKU's day rows up to <paramref name="to"/> (its stock recordings before the period give its on hand); empty for a SKU the snapshot does not know.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, SkuDayFacts>> SkuDaysAsync(string sku, DateOnly to, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await DaysAsync<SkuDayFacts>(SkuPartition(sku), DayPrefix, Day(to.AddDays(1)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A supplier's scorecard as of the last run; null when it had none.</summary>
    public async Task<SupplierScorecardView?> GetSupplierAsync(string supplierId, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(Table, SuppliersPartition, supplierId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read<SupplierScorecardView>(row);
    }

    /// <summary>Every supplier's scorecard as of the last run (one partition).</summary>
    public async Task<IReadOnlyList<SupplierScorecardView>> ListSuppliersAsync(CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var cards = new List<SupplierScorecardView>();
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.Partition(SuppliersPartition), 1000, cancellationToken).ConfigureAwait(false))
        {
            cards.Add(Read<SupplierScorecardView>(row));
        }

        return cards;
    }

    /// <summary>A customer's KPIs as of the last run; null for a customer without a confirmed order then.</summary>
    public async Task<CustomerKpis?> GetCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(Table, CustomerPartition(customerId), customerId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read<CustomerKpis>(row);
    }

    /// <summary>Writes a run's snapshot: the rows whose document changed, then the status row (so its time says the rows are in).</summary>
    public async Task<int> WriteAsync(KpiSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var written = 0;
        written += await SyncAsync(
            ShopPartition,
            DayPrefix,
            snapshot.ShopDays.ToDictionary(d => Day(d.Key), d => d.Value, StringComparer.Ordinal),
            (_, fresh, old) => fresh is null ? null : fresh with { InventoryValue = fresh.InventoryValue ?? old?.InventoryValue },
            cancellationToken).ConfigureAwait(false);
        foreach (var (sku, days) in snapshot.SkuDays)
        {
            written += await SyncAsync(
                SkuPartition(sku),
                DayPrefix,
                days.ToDictionary(d => Day(d.Key), d => d.Value, StringComparer.Ordinal),
                (_, fresh, old) => KeepRecordedStock(fresh, old),
                cancellationToken).ConfigureAwait(false);
        }

        written += await SyncAsync(SuppliersPartition, string.Empty, snapshot.Scorecards.ToDictionary(c => c.SupplierId, c => c, StringComparer.Ordinal), (_, fresh, _) => fresh, cancellationToken).ConfigureAwait(false);
        var customersByPartition = snapshot.Customers.ToLookup(c => CustomerPartition(c.CustomerId), StringComparer.Ordinal);
        foreach (var bucket in Enumerable.Range(0, CustomerBuckets))
        {
            var partition = Bucket(bucket);
            var rows = customersByPartition[partition].ToDictionary(c => c.CustomerId, c => c, StringComparer.Ordinal);
            written += await SyncAsync(partition, string.Empty, rows, (_, fresh, _) => fresh, cancellationToken).ConfigureAwait(false);
        }

        await store.UpsertAsync(Table, new TableEntity(ShopPartition, StatusRow, new Dictionary<string, object?> { ["Facts"] = Json(snapshot.Status) }), merge: false, cancellationToken).ConfigureAwait(false);
        return written + 1;
    }

    // A SKU day keeps the stock a run recorded on it; a day left with nothing else stays for that recording alone.
    private static SkuDayFacts? KeepRecordedStock(SkuDayFacts? fresh, SkuDayFacts? old)
    {
        if (old?.OnHand is null)
        {
            return fresh;
        }

        if (fresh is null)
        {
            return new SkuDayFacts(0, 0m, 0, 0m, 0, new Dictionary<string, int>(), old.OnHand, old.InventoryValue);
        }

        return fresh.OnHand is null ? fresh with { OnHand = old.OnHand, InventoryValue = old.InventoryValue } : fresh;
    }

    private static string Day(DateOnly day) => DayPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string SkuPartition(string sku) => "sku|" + sku;

    private static string CustomerPartition(string customerId) => Bucket(SHA256.HashData(Encoding.UTF8.GetBytes(customerId))[0] % CustomerBuckets);

    private static string Bucket(int bucket) => "customers|" + bucket.ToString("x2", CultureInfo.InvariantCulture);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, PresaleJson.Options);

    private static T Read<T>(TableEntity row) =>
        JsonSerializer.Deserialize<T>(row.GetString("Facts") ?? throw new FormatException($"KPI row {row.PartitionKey}/{row.RowKey} has no document."), PresaleJson.Options)
        ?? throw new FormatException($"KPI row {row.PartitionKey}/{row.RowKey} is empty.");

    private async Task<Dictionary<DateOnly, T>> DaysAsync<T>(string partition, string fromRow, string toRow, CancellationToken cancellationToken)
    {
        var days = new Dictionary<DateOnly, T>();
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowRange(partition, fromRow, toRow), 1000, cancellationToken).ConfigureAwait(false))
        {
            days[DateOnly.ParseExact(row.RowKey[DayPrefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture)] = Read<T>(row);
        }

        return days;
    }

    // Brings one partition's rows under the prefix to `fresh`: `merge` decides each row from the new and the stored
    // document (null: delete); unchanged documents are not written.
    private async Task<int> SyncAsync<T>(string partition, string prefix, IReadOnlyDictionary<string, T> fresh, Func<string, T?, T?, T?> merge, CancellationToken cancellationToken)
        where T : class
    {
        var stored = new Dictionary<string, (string Json, T Value)>(StringComparer.Ordinal);
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowPrefix(partition, prefix), 1000, cancellationToken).ConfigureAwait(false))
        {
            stored[row.RowKey] = (row.GetString("Facts") ?? string.Empty, Read<T>(row));
        }

        var operations = new List<TableOperation>();
        foreach (var rowKey in fresh.Keys.Union(stored.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var old = stored.TryGetValue(rowKey, out var s) ? s : default;
            var next = merge(rowKey, fresh.GetValueOrDefault(rowKey), old.Value);
            if (next is null)
            {
                if (old.Value is not null)
                {
                    operations.Add(TableOperation.Delete(partition, rowKey, ETag.Any));
                }

                continue;
            }

            var json = Json(next);
            if (!string.Equals(json, old.Json, StringComparison.Ordinal))
            {
                operations.Add(TableOperation.UpsertReplace(new TableEntity(partition, rowKey, new Dictionary<string, object?> { ["Facts"] = json })));
            }
        }

        foreach (var chunk in operations.Chunk(100))
        {
            var result = await store.SubmitTransactionAsync(Table, chunk, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Writing KPI rows of partition {partition} failed at operation {result.FailedIndex} ({result.FailureStatus})."));
            }
        }

        return operations.Count;
    }
}
