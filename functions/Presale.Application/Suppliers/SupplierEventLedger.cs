using Presale.Application.Storage;
using Presale.Domain.Common;

namespace Presale.Application.Suppliers;

/// <summary>
/// De-duplicates supplier webhook events inside the caller's own partition, so recording an event is atomic with its
/// effect. Two kinds of row, next to the caller's rows (for example in the supplier's partition of the lots table):
/// <list type="bullet">
/// <item><c>webhook-event|{eventId}</c>: the event was applied (inserted, so a second delivery conflicts).</item>
/// <item><c>webhook-lot|{lotId}</c>: the lot's watermark, the latest supplier timestamp applied (replaced under its
/// ETag, so two racing events of one lot cannot both pass the check).</item>
/// </list>
/// A duplicate event id, or an ETA update older than the watermark, is acknowledged and changes nothing (stale events
/// are not recorded: a retry of one is judged stale again). Equal timestamps are applied in arrival order. Two point
/// reads per decision; the rows are kept (event ids stay unique for the supplier's lifetime).
/// </summary>
public sealed class SupplierEventLedger
{
    /// <summary>Row key prefix of event rows.</summary>
    public const string EventRowPrefix = "webhook-event|";

    /// <summary>Row key prefix of lot watermark rows.</summary>
    public const string LotRowPrefix = "webhook-lot|";

    private readonly ITableStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the ledger over <paramref name="store"/>.</summary>
    public SupplierEventLedger(ITableStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
    }

    /// <summary>The row key of an event's row.</summary>
    public static string EventRowKey(string eventId) => EventRowPrefix + eventId;

    /// <summary>The row key of a lot's watermark row.</summary>
    public static string LotRowKey(string lotId) => LotRowPrefix + lotId;

    /// <summary>
    /// Decides whether <paramref name="supplierEvent"/> is new, a duplicate or stale, reading the ledger rows in
    /// <paramref name="table"/>/<paramref name="partitionKey"/> — the partition the caller writes the effect to.
    /// </summary>
    /// <exception cref="ArgumentException">An id breaks the identifier rules (validate requests before).</exception>
    public async Task<SupplierEventDecision> DecideAsync(string table, string partitionKey, SupplierEvent supplierEvent, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(supplierEvent);
        TableKey.EnsureValid(partitionKey, nameof(partitionKey));
        Ensure(Identifier.Validate(supplierEvent.EventId, "eventId"), nameof(supplierEvent));
        Ensure(Identifier.Validate(supplierEvent.LotId, "lotId"), nameof(supplierEvent));

        var recorded = await _store.GetAsync(table, partitionKey, EventRowKey(supplierEvent.EventId), cancellationToken).ConfigureAwait(false);
        var watermark = await _store.GetAsync(table, partitionKey, LotRowKey(supplierEvent.LotId), cancellationToken).ConfigureAwait(false);
        var lastApplied = watermark?.GetDateTimeOffset("LastAppliedSupplierTimestamp");
        if (recorded is not null)
        {
            return new SupplierEventDecision(SupplierEventOutcome.Duplicate, [], lastApplied, recorded.GetDateTimeOffset("RecordedAt"));
        }

        if (supplierEvent.Kind != SupplierEventKind.Receipt && lastApplied is { } last && supplierEvent.SupplierTimestamp < last)
        {
            return new SupplierEventDecision(SupplierEventOutcome.Stale, [], lastApplied, null);
        }

        var operations = new List<TableOperation>(2)
        {
            TableOperation.Insert(new TableEntity(partitionKey, EventRowKey(supplierEvent.EventId), new Dictionary<string, object?>
            {
                ["SupplierId"] = supplierEvent.SupplierId,
                ["EventId"] = supplierEvent.EventId,
                ["LotId"] = supplierEvent.LotId,
                ["Kind"] = supplierEvent.Kind.ToString(),
                ["SupplierTimestamp"] = supplierEvent.SupplierTimestamp,
                ["RecordedAt"] = _time.GetUtcNow(),
            })),
        };

        if (lastApplied is null || supplierEvent.SupplierTimestamp >= lastApplied)
        {
            var row = new TableEntity(partitionKey, LotRowKey(supplierEvent.LotId), new Dictionary<string, object?>
            {
                ["LastAppliedSupplierTimestamp"] = supplierEvent.SupplierTimestamp,
                ["LastAppliedEventId"] = supplierEvent.EventId,
            });
            operations.Add(watermark is null ? TableOperation.Insert(row) : TableOperation.Replace(row, watermark.ETag));
        }

        return new SupplierEventDecision(SupplierEventOutcome.Applied, operations, lastApplied, null);
    }

    private static void Ensure(string? error, string parameter)
    {
        if (error is not null)
        {
            throw new ArgumentException(error, parameter);
        }
    }
}
