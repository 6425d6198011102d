using System.Globalization;
using Presale.Application.Storage;
using Presale.Domain.Common;

namespace Presale.Application.Notifications;

/// <summary>
/// Customers' notification feeds in <see cref="NotificationsOptions.FeedTable"/>. Partition = customer id. Each
/// notification is two rows written in one entity-group transaction: the entry <c>e|{inverted created ticks}|{key}</c>
/// (so a range read returns newest first) and the guard <c>k|{key}</c>. A second record of the same key fails on the
/// guard row with AlreadyExists and changes nothing, whatever its created instant.
/// </summary>
public sealed class NotificationFeed
{
    /// <summary>Row-key prefix of entries.</summary>
    public const string EntryPrefix = "e|";

    /// <summary>Row-key prefix of de-duplication guards.</summary>
    public const string GuardPrefix = "k|";

    private readonly ITableStore _store;
    private readonly NotificationsOptions _options;
    private readonly TableReadiness _tables;

    /// <summary>Creates the feed over <paramref name="store"/>.</summary>
    public NotificationFeed(ITableStore store, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options;
        _tables = new TableReadiness(store);
    }

    /// <summary>The entry row key: newest first, then by key.</summary>
    public static string EntryRowKey(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var inverted = DateTimeOffset.MaxValue.UtcTicks - message.CreatedAt.UtcTicks;
        return EntryPrefix + inverted.ToString("D19", CultureInfo.InvariantCulture) + "|" + message.DeduplicationKey;
    }

    /// <summary>True when <paramref name="token"/> is a continuation token this feed issued (or could issue).</summary>
    public static bool IsValidContinuationToken(string token) => KeysetPage.Decode(token, EntryPrefix) is not null;

    /// <summary>Records <paramref name="message"/> in its customer's feed, at most once per de-duplication key.</summary>
    public async Task<FeedRecordOutcome> RecordAsync(NotificationMessage message, DateTimeOffset recordedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        NotificationMessageSerializer.EnsureValid(message);
        await _tables.EnsureAsync(_options.FeedTable, cancellationToken).ConfigureAwait(false);
        var customer = message.Notification.CustomerId;
        var entryKey = EntryRowKey(message);
        var entry = new TableEntity(customer, entryKey, new Dictionary<string, object?>
        {
            ["DeduplicationKey"] = message.DeduplicationKey,
            ["Kind"] = NotificationMessageSerializer.KindName(message.Notification.Kind),
            ["OrderId"] = message.Notification.OrderId,
            ["CreatedAt"] = message.CreatedAt,
            ["RecordedAt"] = recordedAt,
            ["Notification"] = NotificationMessageSerializer.Serialize(message.Notification),
        });
        var guard = new TableEntity(customer, GuardPrefix + message.DeduplicationKey, new Dictionary<string, object?>
        {
            ["EntryRowKey"] = entryKey,
        });
        var result = await _store.SubmitTransactionAsync(
            _options.FeedTable, [TableOperation.Insert(guard), TableOperation.Insert(entry)], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return FeedRecordOutcome.Recorded;
        }

        // Both rows carry the key, so an existing one means this notification is already in the feed.
        return result.FailureStatus == WriteStatus.AlreadyExists
            ? FeedRecordOutcome.AlreadyRecorded
            : throw new InvalidOperationException(
                $"Recording notification {message.DeduplicationKey} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
    }

    /// <summary>A page of <paramref name="customerId"/>'s feed, newest first.</summary>
    /// <exception cref="ArgumentException">The customer id, limit or continuation token is not valid.</exception>
    public async Task<NotificationFeedPage> ListAsync(string customerId, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (Identifier.Validate(customerId, "The customer id") is { } error)
        {
            throw new ArgumentException(error, nameof(customerId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, NotificationsOptions.MaxPageSize);
        string? after = null;
        if (continuationToken is not null)
        {
            after = KeysetPage.Decode(continuationToken, EntryPrefix)
                ?? throw new ArgumentException("The continuation token is not one this feed issued.", nameof(continuationToken));
        }

        await _tables.EnsureAsync(_options.FeedTable, cancellationToken).ConfigureAwait(false);
        var (rows, next) = await KeysetPage.ReadAsync(_store, _options.FeedTable, customerId, EntryPrefix, after, limit, cancellationToken).ConfigureAwait(false);
        var items = rows.Select(row => new NotificationFeedEntry(
            row.GetString("DeduplicationKey") ?? string.Empty,
            row.GetDateTimeOffset("CreatedAt") ?? default,
            NotificationMessageSerializer.DeserializeNotification(row.GetString("Notification") ?? "null"))).ToList();
        return new NotificationFeedPage(items, next);
    }
}
