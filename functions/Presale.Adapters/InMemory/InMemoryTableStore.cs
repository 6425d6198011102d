using System.Globalization;
using System.Text;
using Presale.Adapters.Tables;
using Presale.Application.Storage;

namespace Presale.Adapters.InMemory;

/// <summary>
/// The in-memory twin of <see cref="ITableStore"/>: the same semantics as the Table adapter (ETags, conditional
/// failures, all-or-nothing transactions, (PartitionKey, RowKey) ordering, paging with continuation tokens, key rules),
/// for unit tests and algorithm benchmarks. It passes the same conformance suite as the Table adapter. Thread-safe.
/// </summary>
public sealed class InMemoryTableStore(TimeProvider timeProvider) : ITableStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TableRows> _tables = new(StringComparer.OrdinalIgnoreCase);
    private long _version;

    /// <summary>Creates a twin on the system clock.</summary>
    public InMemoryTableStore()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How many storage operations (reads, writes, query pages, transactions) were made: the bill.</summary>
    public long OperationCount => Interlocked.Read(ref _operations);

    private long _operations;

    /// <inheritdoc />
    public Task CreateTableIfNotExistsAsync(string table, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        lock (_gate)
        {
            Count();
            if (!_tables.ContainsKey(table))
            {
                _tables[table] = new TableRows();
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TableEntity?> GetAsync(string table, string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        TableKey.EnsureValid(partitionKey, nameof(partitionKey));
        TableKey.EnsureValid(rowKey, nameof(rowKey));
        lock (_gate)
        {
            Count();
            return Task.FromResult(Table(table).GetValueOrDefault(new RowId(partitionKey, rowKey)));
        }
    }

    /// <inheritdoc />
    public Task<WriteResult> InsertAsync(string table, TableEntity entity, CancellationToken cancellationToken = default) =>
        Single(table, TableOperation.Insert(entity));

    /// <inheritdoc />
    public Task<WriteResult> ReplaceAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Single(table, TableOperation.Replace(entity, ifMatch));

    /// <inheritdoc />
    public Task<WriteResult> MergeAsync(string table, TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Single(table, TableOperation.Merge(entity, ifMatch));

    /// <inheritdoc />
    public Task<WriteResult> UpsertAsync(string table, TableEntity entity, bool merge = false, CancellationToken cancellationToken = default) =>
        Single(table, merge ? TableOperation.UpsertMerge(entity) : TableOperation.UpsertReplace(entity));

    /// <inheritdoc />
    public Task<WriteResult> DeleteAsync(string table, string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default) =>
        Single(table, TableOperation.Delete(partitionKey, rowKey, ifMatch));

    /// <inheritdoc />
    public Task<TablePage> QueryAsync(string table, TableFilter filter, int pageSize = 1000, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        ArgumentNullException.ThrowIfNull(filter);
        _ = ODataFilter.Render(filter); // Rejects what Table Storage cannot evaluate (bad property names, NaN), as the adapter does.
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var start = continuationToken is null ? (RowId?)null : DecodeToken(continuationToken);
        lock (_gate)
        {
            Count();
            var items = new List<TableEntity>(Math.Min(pageSize, 64));
            string? next = null;
            var range = KeyRange.Of(filter);
            var lower = start is { } from && from.CompareTo(range.Lower) > 0 ? from : range.Lower;
            foreach (var (id, entity) in Table(table).From(lower))
            {
                if (range.IsBeyond(id))
                {
                    break;
                }

                if (!Matches(filter, entity))
                {
                    continue;
                }

                if (items.Count == pageSize)
                {
                    next = EncodeToken(id);
                    break;
                }

                items.Add(entity);
            }

            return Task.FromResult(new TablePage(items, next));
        }
    }

    /// <inheritdoc />
    public Task<TransactionResult> SubmitTransactionAsync(string table, IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        TableOperationRules.ValidateTableName(table);
        TableOperationRules.ValidateTransaction(operations);
        lock (_gate)
        {
            Count();
            var rows = Table(table);
            var staged = new Dictionary<RowId, TableEntity?>();
            var etags = new List<ETag>(operations.Count);
            for (var i = 0; i < operations.Count; i++)
            {
                var (status, result) = Apply(rows, operations[i]);
                if (status != WriteStatus.Ok)
                {
                    return Task.FromResult(TransactionResult.Failure(i, status));
                }

                staged[Id(operations[i].Entity)] = result;
                etags.Add(result?.ETag ?? default);
            }

            foreach (var (id, entity) in staged)
            {
                if (entity is null)
                {
                    rows.Remove(id);
                }
                else
                {
                    rows[id] = entity;
                }
            }

            return Task.FromResult(TransactionResult.Success(etags));
        }
    }

    private Task<WriteResult> Single(string table, TableOperation operation)
    {
        TableOperationRules.ValidateTableName(table);
        TableOperationRules.ValidateOperation(operation);
        lock (_gate)
        {
            Count();
            var rows = Table(table);
            var (status, result) = Apply(rows, operation);
            if (status != WriteStatus.Ok)
            {
                return Task.FromResult(WriteResult.Failed(status));
            }

            if (result is null)
            {
                rows.Remove(Id(operation.Entity));
                return Task.FromResult(WriteResult.Ok(default));
            }

            rows[Id(result)] = result;
            return Task.FromResult(WriteResult.Ok(result.ETag));
        }
    }

    /// <summary>
    /// Computes one operation, already checked by <see cref="TableOperationRules.ValidateOperation"/> (so a conditional
    /// write carries an ETag), against the current rows without changing them; null result = deleted.
    /// </summary>
    private (WriteStatus Status, TableEntity? Result) Apply(TableRows rows, TableOperation operation)
    {
        var id = Id(operation.Entity);
        rows.TryGetValue(id, out var current);
        if (operation.Kind is TableOperationKind.Replace or TableOperationKind.Merge or TableOperationKind.Delete)
        {
            if (current is null)
            {
                return (WriteStatus.NotFound, null);
            }

            if (operation.IfMatch != ETag.Any && operation.IfMatch != current.ETag)
            {
                return (WriteStatus.PreconditionFailed, null);
            }
        }

        return operation.Kind switch
        {
            TableOperationKind.Insert when current is not null => (WriteStatus.AlreadyExists, null),
            TableOperationKind.Insert or TableOperationKind.Replace or TableOperationKind.UpsertReplace =>
                (WriteStatus.Ok, Stamp(operation.Entity.Properties, operation.Entity)),
            TableOperationKind.Merge or TableOperationKind.UpsertMerge =>
                (WriteStatus.Ok, Stamp((current?.Properties ?? new Dictionary<string, object>()).Concat(operation.Entity.Properties)
                    .GroupBy(p => p.Key).Select(g => g.Last()), operation.Entity)),
            TableOperationKind.Delete => (WriteStatus.Ok, null),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown operation kind."),
        };
    }

    private TableEntity Stamp(IEnumerable<KeyValuePair<string, object>> properties, TableEntity keys)
    {
        var version = Interlocked.Increment(ref _version);
        var now = timeProvider.GetUtcNow();
        return new TableEntity(
            keys.PartitionKey,
            keys.RowKey,
            // Table Storage keeps DateTime values in UTC: an offset given on write comes back as +00:00.
            properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is DateTimeOffset t ? t.ToUniversalTime() : p.Value)),
            new ETag(string.Create(CultureInfo.InvariantCulture, $"W/\"datetime'{now:yyyy-MM-ddTHH:mm:ss.fffffffZ}'-{version}\"")))
        {
            Timestamp = now,
        };
    }

    private TableRows Table(string table) =>
        _tables.TryGetValue(table, out var rows)
            ? rows
            : throw new InvalidOperationException($"Table '{table}' does not exist: create it first.");

    private void Count() => Interlocked.Increment(ref _operations);

    private static RowId Id(TableEntity entity) => new(entity.PartitionKey, entity.RowKey);

    private static string EncodeToken(RowId id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(id.PartitionKey + "\u0000" + id.RowKey));

    private static RowId DecodeToken(string token)
    {
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\u0000', 2);
        return parts.Length == 2
            ? new RowId(parts[0], parts[1])
            : throw new ArgumentException("Not a continuation token of this store.", nameof(token));
    }

    private static bool Matches(TableFilter filter, TableEntity entity) => filter switch
    {
        TableFilter.And and => Matches(and.Left, entity) && Matches(and.Right, entity),
        TableFilter.Or or => Matches(or.Left, entity) || Matches(or.Right, entity),
        TableFilter.Not not => !Matches(not.Inner, entity),
        TableFilter.Comparison comparison => Compare(comparison, entity),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter node."),
    };

    private static bool Compare(TableFilter.Comparison comparison, TableEntity entity)
    {
        object? actual = comparison.Property switch
        {
            "PartitionKey" => entity.PartitionKey,
            "RowKey" => entity.RowKey,
            "Timestamp" => entity.Timestamp,
            _ => entity[comparison.Property],
        };
        if (actual is null)
        {
            return false; // Table Storage: a comparison with a missing property is false.
        }

        int? order = (actual, comparison.Value) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            // Integers compare exactly: as doubles, 2^53 + 1 would equal 2^53.
            (int or long, int or long) => Convert.ToInt64(actual, CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToInt64(comparison.Value, CultureInfo.InvariantCulture)),
            (int or long or double, int or long or double) => Convert.ToDouble(actual, CultureInfo.InvariantCulture)
                .CompareTo(Convert.ToDouble(comparison.Value, CultureInfo.InvariantCulture)),
            (bool a, bool b) => a.CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (Guid a, Guid b) => a.CompareTo(b),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            _ => null, // Different types never compare equal (nor ordered), as in Table Storage.
        };
        if (order is not { } o)
        {
            return comparison.Operator == FilterOperator.Ne;
        }

        return comparison.Operator switch
        {
            FilterOperator.Eq => o == 0,
            FilterOperator.Ne => o != 0,
            FilterOperator.Gt => o > 0,
            FilterOperator.Ge => o >= 0,
            FilterOperator.Lt => o < 0,
            FilterOperator.Le => o <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison.Operator, "Unknown operator."),
        };
    }

    private readonly record struct RowId(string PartitionKey, string RowKey) : IComparable<RowId>
    {
        public int CompareTo(RowId other)
        {
            var partition = string.CompareOrdinal(PartitionKey, other.PartitionKey);
            return partition != 0 ? partition : string.CompareOrdinal(RowKey, other.RowKey);
        }
    }

    /// <summary>
    /// One table's rows: found by key in a dictionary and walked in (PartitionKey, RowKey) order from any key in a sorted
    /// set, so a range query starts where its keys start (as Table Storage serves it from its index) instead of
    /// walking the table from its first row.
    /// </summary>
    private sealed class TableRows
    {
        private readonly Dictionary<RowId, TableEntity> _byKey = [];
        private readonly SortedSet<RowId> _order = [];

        public bool TryGetValue(RowId id, out TableEntity? entity) => _byKey.TryGetValue(id, out entity);

        public TableEntity? GetValueOrDefault(RowId id) => _byKey.GetValueOrDefault(id);

        public TableEntity this[RowId id]
        {
            set
            {
                if (_byKey.TryAdd(id, value))
                {
                    _order.Add(id);
                }
                else
                {
                    _byKey[id] = value;
                }
            }
        }

        public void Remove(RowId id)
        {
            if (_byKey.Remove(id))
            {
                _order.Remove(id);
            }
        }

        /// <summary>The rows from <paramref name="lower"/> (inclusive) on, in key order.</summary>
        public IEnumerable<(RowId Id, TableEntity Entity)> From(RowId lower)
        {
            if (_order.Count == 0 || lower.CompareTo(_order.Max) > 0)
            {
                yield break;
            }

            foreach (var id in _order.GetViewBetween(lower, _order.Max))
            {
                yield return (id, _byKey[id]);
            }
        }
    }

    /// <summary>
    /// The keys a filter can match, read off its top-level conjunction of string comparisons on PartitionKey and RowKey:
    /// where to start and when every later row is out of reach. Conservative: the filter itself still decides each row.
    /// </summary>
    private readonly record struct KeyRange(RowId Lower, string? PartitionHigh, bool PartitionHighInclusive, string? RowHigh, bool RowHighInclusive)
    {
        public static KeyRange Of(TableFilter filter)
        {
            string? partitionLow = null, partitionHigh = null, rowLow = null, rowHigh = null;
            bool partitionHighInclusive = true, rowHighInclusive = true;
            foreach (var comparison in Conjuncts(filter))
            {
                if (comparison.Value is not string value)
                {
                    continue;
                }

                var isPartition = comparison.Property == "PartitionKey";
                if (!isPartition && comparison.Property != "RowKey")
                {
                    continue;
                }

                if (comparison.Operator is FilterOperator.Eq or FilterOperator.Ge or FilterOperator.Gt)
                {
                    ref var low = ref isPartition ? ref partitionLow : ref rowLow;
                    low = low is null || string.CompareOrdinal(value, low) > 0 ? value : low;
                }

                if (comparison.Operator is FilterOperator.Eq or FilterOperator.Le or FilterOperator.Lt)
                {
                    var inclusive = comparison.Operator != FilterOperator.Lt;
                    ref var high = ref isPartition ? ref partitionHigh : ref rowHigh;
                    ref var highInclusive = ref isPartition ? ref partitionHighInclusive : ref rowHighInclusive;
                    var order = high is null ? -1 : string.CompareOrdinal(value, high);
                    if (order < 0 || (order == 0 && !inclusive))
                    {
                        (high, highInclusive) = (value, inclusive);
                    }
                }
            }

            // Row-key bounds narrow the walk only within one partition.
            var onePartition = partitionLow is not null && partitionLow == partitionHigh && partitionHighInclusive;
            return onePartition
                ? new KeyRange(new RowId(partitionLow!, rowLow ?? string.Empty), partitionHigh, true, rowHigh, rowHighInclusive)
                : new KeyRange(new RowId(partitionLow ?? string.Empty, string.Empty), partitionHigh, partitionHighInclusive, null, true);
        }

        /// <summary>True when <paramref name="id"/> and every row after it lie outside the range.</summary>
        public bool IsBeyond(RowId id) =>
            Past(id.PartitionKey, PartitionHigh, PartitionHighInclusive) || Past(id.RowKey, RowHigh, RowHighInclusive);

        private static bool Past(string key, string? high, bool inclusive) =>
            high is not null && string.CompareOrdinal(key, high) is var order && (order > 0 || (order == 0 && !inclusive));

        private static IEnumerable<TableFilter.Comparison> Conjuncts(TableFilter filter) => filter switch
        {
            TableFilter.And and => Conjuncts(and.Left).Concat(Conjuncts(and.Right)),
            TableFilter.Comparison comparison => [comparison],
            _ => [],
        };
    }
}
