using System.Text.Json;
using System.Text.Json.Nodes;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Notifications;
using Presale.Application.Storage;
using Presale.Domain.Alerts;

namespace Presale.Application.Alerts;

/// <summary>
/// Open alerts, raised once per key and cleared when resolved. All live in one partition (<c>open</c>) of the alerts
/// table, so listing them is one range query and each change is one entity-group transaction with its event row in
/// the partition's outbox (<see cref="AlertEvents"/>: <c>alert.raised</c> / <c>alert.cleared</c>, published right after
/// the commit by <see cref="OutboxEventPublisher"/>, and by <see cref="PublishPendingAsync"/> when that failed): raising
/// inserts the alert row (a second raise meets it and changes nothing), clearing deletes it under its ETag.
/// </summary>
public sealed class AlertStore(ITableStore store, AlertsOptions options, OutboxEventPublisher events)
{
    /// <summary>The partition of open alerts and their outbox.</summary>
    public const string Partition = "open";

    private const string RowPrefix = "alert|";
    private const int MaxMessageLength = 2_000;

    /// <summary>The longest details (as JSON) an alert may carry: with its message it stays inside one outbox row and one queue message.</summary>
    public const int MaxDetailsLength = 16_000;
    private const int MaxAttempts = 8;
    private readonly TableBootstrap _tables = new(store, [options.AlertsTable]);

    /// <summary>Raises <paramref name="alert"/> unless one is open under its key (its message is cut to 2,000 characters).</summary>
    /// <exception cref="ArgumentException">The key is not a valid storage key, or the details are longer than <see cref="MaxDetailsLength"/>.</exception>
    public async Task<AlertChange> RaiseAsync(AlertRaise alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        TableKey.EnsureValid(RowPrefix + alert.Key, nameof(alert));
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var details = alert.Details is null ? null : JsonSerializer.Serialize(alert.Details, PresaleJson.Options);
        if (details is { Length: > MaxDetailsLength })
        {
            throw new ArgumentException($"Alert {alert.Key} has {details.Length} characters of details; at most {MaxDetailsLength}.", nameof(alert));
        }

        var text = alert.Message.Length > MaxMessageLength ? alert.Message[..MaxMessageLength] : alert.Message;
        var routing = alert.Routing ?? new Dictionary<string, string>();
        var message = events.Message(() => AlertEvents.Raised(new AlertRaisedData(alert.Key, alert.Kind, alert.Subject, text, details is null ? null : JsonNode.Parse(details), now), routing));
        var row = new TableEntity(Partition, RowPrefix + alert.Key, new Dictionary<string, object?>
        {
            ["Key"] = alert.Key,
            ["Kind"] = alert.Kind.ToString(),
            ["Subject"] = alert.Subject,
            ["Message"] = text,
            ["RaisedAt"] = now,
            ["Routing"] = JsonSerializer.Serialize(routing, PresaleJson.Options),
        }.Concat(details is null ? [] : [new KeyValuePair<string, object?>("Details", details)]));
        var result = await store.SubmitTransactionAsync(options.AlertsTable, WithEvent(TableOperation.Insert(row), message), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return result is { FailedIndex: 0, FailureStatus: WriteStatus.AlreadyExists }
                ? AlertChange.AlreadyOpen
                : throw new InvalidOperationException($"Raising alert {alert.Key} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
        }

        await events.TryPublishAsync(options.AlertsTable, Partition, message, cancellationToken).ConfigureAwait(false);
        return AlertChange.Raised;
    }

    /// <summary>Clears the alert open under <paramref name="key"/>, if any, recording <paramref name="resolution"/> in its event.</summary>
    public async Task<AlertChange> ClearAsync(string key, string resolution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        TableKey.EnsureValid(RowPrefix + key, nameof(key));
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await store.GetAsync(options.AlertsTable, Partition, RowPrefix + key, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return AlertChange.NotOpen;
            }

            var open = Read(row);
            var routing = row.GetString("Routing") is { Length: > 0 } stored
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(stored, PresaleJson.Options) ?? []
                : [];
            var message = events.Message(() => AlertEvents.Cleared(new AlertClearedData(key, open.Kind, open.Subject, resolution, open.RaisedAt, now), routing));
            var result = await store.SubmitTransactionAsync(options.AlertsTable, WithEvent(TableOperation.Delete(Partition, row.RowKey, row.ETag), message), cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                await events.TryPublishAsync(options.AlertsTable, Partition, message, cancellationToken).ConfigureAwait(false);
                return AlertChange.Cleared;
            }

            if (result is not { FailedIndex: 0, FailureStatus: WriteStatus.PreconditionFailed or WriteStatus.NotFound })
            {
                throw new InvalidOperationException($"Clearing alert {key} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
            }
        }

        throw new InvalidOperationException($"Clearing alert {key} met a concurrent change on each of {MaxAttempts} attempts.");
    }

    /// <summary>The alert open under <paramref name="key"/>, or null.</summary>
    public async Task<AlertView?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (TableKey.Validate(RowPrefix + key) is not null)
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(options.AlertsTable, Partition, RowPrefix + key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>
    /// One page of open alerts whose key starts with <paramref name="keyPrefix"/> (empty: all), in key order, after
    /// <paramref name="continuationToken"/> (the previous page's; keyset paging: the token is the last key seen, so it
    /// stays valid however the list changes in between).
    /// </summary>
    /// <exception cref="ArgumentException">The token is not one this listing returned for <paramref name="keyPrefix"/> (<see cref="IsValidContinuationToken"/>).</exception>
    public async Task<AlertPage> ListOpenAsync(string keyPrefix, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        string? after = null;
        if (continuationToken is not null && (after = KeysetPage.Decode(continuationToken, RowPrefix + keyPrefix)) is null)
        {
            throw new ArgumentException("Not a continuation token of this alert listing.", nameof(continuationToken));
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (items, next) = await KeysetPage.ReadAsync(store, options.AlertsTable, Partition, RowPrefix + keyPrefix, after, pageSize, cancellationToken).ConfigureAwait(false);
        return new AlertPage([.. items.Select(Read)], next);
    }

    /// <summary>True when <paramref name="continuationToken"/> is one <see cref="ListOpenAsync"/> returned for <paramref name="keyPrefix"/>.</summary>
    public static bool IsValidContinuationToken(string keyPrefix, string continuationToken) => KeysetPage.Decode(continuationToken, RowPrefix + keyPrefix) is not null;

    /// <summary>Every open alert whose key starts with <paramref name="keyPrefix"/> (paged reads).</summary>
    public async IAsyncEnumerable<AlertView> AllOpenAsync(string keyPrefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in store.QueryAllAsync(options.AlertsTable, TableFilter.RowPrefix(Partition, RowPrefix + keyPrefix), 1000, cancellationToken).ConfigureAwait(false))
        {
            yield return Read(row);
        }
    }

    private static AlertView Read(TableEntity row) => new(
        row.GetString("Key") ?? row.RowKey[RowPrefix.Length..],
        Enum.TryParse<AlertKind>(row.GetString("Kind"), out var kind) ? kind : throw new FormatException($"Alert {row.RowKey} has no known kind."),
        row.GetString("Subject") ?? string.Empty,
        row.GetString("Message") ?? string.Empty,
        row.GetString("Details") is { } details ? JsonNode.Parse(details) : null,
        row.GetDateTimeOffset("RaisedAt") ?? default);

    /// <summary>
    /// Publishes the alert events written before <paramref name="before"/> that were not published right after their
    /// commit (the alerts outbox is one partition: one range query); returns how many were published and how many failed.
    /// </summary>
    public async Task<(int Published, int Failed)> PublishPendingAsync(DateTimeOffset before, int pageSize, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await events.SweepAsync(options.AlertsTable, Partition, before, pageSize, cancellationToken).ConfigureAwait(false);
    }

    private static IReadOnlyList<TableOperation> WithEvent(TableOperation change, Outbox.OutboxMessage? message) =>
        message is null ? [change] : [change, OutboxEventPublisher.Row(Partition, message)];
}
