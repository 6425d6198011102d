using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Application.Notifications;

/// <summary>
/// Delivery records and the dead-letter index in <see cref="NotificationsOptions.DeliveryTable"/>. A record is the row
/// (PartitionKey = de-duplication key, RowKey = <c>delivery</c>): a point read and conditional replaces. The index is
/// one partition, <c>dead-letters</c>, with row keys <c>d|{inverted dead-lettered ticks}|{key}</c> (most recent first);
/// the instant comes from the record, so writing an index row again after a crash lands on the same row.
/// </summary>
public sealed class NotificationDeliveryStore
{
    /// <summary>The row key of delivery records.</summary>
    public const string RecordRowKey = "delivery";

    /// <summary>The partition of the dead-letter index.</summary>
    public const string DeadLetterPartition = "dead-letters";

    private const string DeadLetterPrefix = "d|";

    private readonly ITableStore _store;
    private readonly NotificationsOptions _options;
    private readonly TableReadiness _tables;

    /// <summary>Creates the store over <paramref name="store"/>.</summary>
    public NotificationDeliveryStore(ITableStore store, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _tables = new TableReadiness(store);
    }

    /// <summary>True when <paramref name="token"/> is a continuation token of the dead-letter list.</summary>
    public static bool IsValidContinuationToken(string token) => KeysetPage.Decode(token, DeadLetterPrefix) is not null;

    /// <summary>The record of <paramref name="deduplicationKey"/>, or null when no delivery has started.</summary>
    public async Task<NotificationDeliveryRecord?> GetAsync(string deduplicationKey, CancellationToken cancellationToken = default)
    {
        await _tables.EnsureAsync(_options.DeliveryTable, cancellationToken).ConfigureAwait(false);
        var row = await _store.GetAsync(_options.DeliveryTable, deduplicationKey, RecordRowKey, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>Inserts a new record; AlreadyExists when another delivery created it first.</summary>
    public async Task<WriteResult> InsertAsync(NotificationDeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _tables.EnsureAsync(_options.DeliveryTable, cancellationToken).ConfigureAwait(false);
        return await _store.InsertAsync(_options.DeliveryTable, Write(record), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the record if it is still at <paramref name="ifMatch"/>; PreconditionFailed when another delivery changed it.</summary>
    public async Task<WriteResult> ReplaceAsync(NotificationDeliveryRecord record, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _tables.EnsureAsync(_options.DeliveryTable, cancellationToken).ConfigureAwait(false);
        return await _store.ReplaceAsync(_options.DeliveryTable, Write(record), ifMatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes (or rewrites) the dead-letter index row of a dead-lettered record.</summary>
    public async Task IndexDeadLetterAsync(NotificationDeliveryRecord record, NotificationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(message);
        var at = record.DeadLetteredAt ?? throw new ArgumentException("The record is not dead-lettered.", nameof(record));
        await _tables.EnsureAsync(_options.DeliveryTable, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(DeadLetterPartition, DeadLetterRowKey(record), new Dictionary<string, object?>
        {
            ["DeduplicationKey"] = record.DeduplicationKey,
            ["DeadLetteredAt"] = at,
            ["Reason"] = record.DeadLetterReason,
            ["Attempts"] = record.Attempts,
            ["LastStatusCode"] = record.LastStatusCode,
            ["LastError"] = record.LastError,
            ["Kind"] = NotificationMessageSerializer.KindName(message.Notification.Kind),
            ["CustomerId"] = message.Notification.CustomerId,
            ["OrderId"] = message.Notification.OrderId,
            ["CreatedAt"] = message.CreatedAt,
            ["Notification"] = NotificationMessageSerializer.Serialize(message.Notification),
        });
        var result = await _store.UpsertAsync(_options.DeliveryTable, row, merge: false, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Indexing dead-lettered notification {record.DeduplicationKey} failed with {result.Status}.");
        }
    }

    /// <summary>The dead-letter list's entry of <paramref name="record"/> (dead-lettered), or null when it is not listed.</summary>
    public async Task<DeadLetteredNotification?> GetDeadLetterAsync(NotificationDeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _tables.EnsureAsync(_options.DeliveryTable, cancellationToken).ConfigureAwait(false);
        var row = await _store.GetAsync(_options.DeliveryTable, DeadLetterPartition, DeadLetterRowKey(record), cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReadDeadLetter(row);
    }

    /// <summary>Removes <paramref name="record"/>'s entry from the dead-letter list (absent is fine).</summary>
    public async Task RemoveDeadLetterAsync(NotificationDeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var deleted = await _store.DeleteAsync(_options.DeliveryTable, DeadLetterPartition, DeadLetterRowKey(record), ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing dead-lettered notification {record.DeduplicationKey} from the list failed with {deleted.Status}.");
        }
    }

    /// <summary>A page of dead-lettered notifications, most recent first.</summary>
    /// <exception cref="ArgumentException">The limit or continuation token is not valid.</exception>
    public async Task<DeadLetterPage> ListDeadLettersAsync(int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, NotificationsOptions.MaxPageSize);
        string? after = null;
        if (continuationToken is not null)
        {
            after = KeysetPage.Decode(continuationToken, DeadLetterPrefix)
                ?? throw new ArgumentException("The continuation token is not one this list issued.", nameof(continuationToken));
        }

        await _tables.EnsureAsync(_options.DeliveryTable, cancellationToken).ConfigureAwait(false);
        var (rows, next) = await KeysetPage.ReadAsync(_store, _options.DeliveryTable, DeadLetterPartition, DeadLetterPrefix, after, limit, cancellationToken).ConfigureAwait(false);
        return new DeadLetterPage([.. rows.Select(ReadDeadLetter)], next);
    }

    private static string DeadLetterRowKey(NotificationDeliveryRecord record)
    {
        var at = record.DeadLetteredAt ?? throw new ArgumentException("The record is not dead-lettered.", nameof(record));
        var inverted = DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;
        return DeadLetterPrefix + inverted.ToString("D19", CultureInfo.InvariantCulture) + "|" + record.DeduplicationKey;
    }

    private static DeadLetteredNotification ReadDeadLetter(TableEntity row) => new(
        row.GetString("DeduplicationKey") ?? string.Empty,
        row.GetDateTimeOffset("DeadLetteredAt") ?? default,
        row.GetString("Reason") ?? string.Empty,
        row.GetInt32("Attempts") ?? 0,
        row.GetInt32("LastStatusCode"),
        row.GetString("LastError"),
        row.GetDateTimeOffset("CreatedAt") ?? default,
        NotificationMessageSerializer.DeserializeNotification(row.GetString("Notification") ?? "null"));

    private static TableEntity Write(NotificationDeliveryRecord record) =>
        new(record.DeduplicationKey, RecordRowKey, new Dictionary<string, object?>
        {
            ["Status"] = record.Status.ToString(),
            ["Attempts"] = record.Attempts,
            ["LeaseHolder"] = record.LeaseHolder,
            ["LeaseUntil"] = record.LeaseUntil,
            ["LastStatusCode"] = record.LastStatusCode,
            ["LastError"] = record.LastError,
            ["DeliveredAt"] = record.DeliveredAt,
            ["DeadLetteredAt"] = record.DeadLetteredAt,
            ["DeadLetterReason"] = record.DeadLetterReason,
            ["Retries"] = record.Retries,
            ["RetriedAt"] = record.RetriedAt,
        });

    private static NotificationDeliveryRecord Read(TableEntity row) => new()
    {
        DeduplicationKey = row.PartitionKey,
        Status = Enum.TryParse<NotificationDeliveryStatus>(row.GetString("Status"), out var status) && Enum.IsDefined(status)
            ? status
            : throw new InvalidOperationException($"Delivery record {row.PartitionKey} has an unknown status '{row.GetString("Status")}'."),
        Attempts = row.GetInt32("Attempts") ?? 0,
        LeaseHolder = row.GetString("LeaseHolder"),
        LeaseUntil = row.GetDateTimeOffset("LeaseUntil"),
        LastStatusCode = row.GetInt32("LastStatusCode"),
        LastError = row.GetString("LastError"),
        DeliveredAt = row.GetDateTimeOffset("DeliveredAt"),
        DeadLetteredAt = row.GetDateTimeOffset("DeadLetteredAt"),
        DeadLetterReason = row.GetString("DeadLetterReason"),
        Retries = row.GetInt32("Retries") ?? 0,
        RetriedAt = row.GetDateTimeOffset("RetriedAt"),
        ETag = row.ETag,
    };
}
