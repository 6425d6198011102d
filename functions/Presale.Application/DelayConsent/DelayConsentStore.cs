using System.Globalization;
using System.Runtime.CompilerServices;
using Presale.Application.Orders;
using Presale.Application.Storage;
using Presale.Domain.DelayConsent;

namespace Presale.Application.DelayConsent;

/// <summary>
/// Stores each order's delay-consent case in the order's partition of the orders table (<c>consent|{orderId}</c>,
/// ETag-guarded), together with a deadline index row <c>consentdue|{ticks}|{orderId}</c> the expiry sweep reads by
/// range. Invariant kept by writing both in one transaction: an index row exists while the case awaits consent (at its
/// deadline) and while a cancellation decided by the flow is not finished yet (at the moment it was decided).
/// </summary>
public sealed class DelayConsentStore(ITableStore store, OrdersOptions options)
{
    /// <summary>The row-key prefix of deadline index rows.</summary>
    public const string DuePrefix = "consentdue|";

    private const string CasePrefix = "consent|";

    private string Table => options.OrdersTable;

    /// <summary>The stored case of <paramref name="orderId"/>, or null (also for a malformed id).</summary>
    public async Task<StoredConsent?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        if (OrderIds.PartitionOf(orderId) is not { } partition)
        {
            return null;
        }

        await store.CreateTableIfNotExistsAsync(Table, cancellationToken).ConfigureAwait(false);
        var row = await store.GetAsync(Table, partition, CasePrefix + orderId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Read(row);
    }

    /// <summary>
    /// Writes <paramref name="next"/> over <paramref name="stored"/> (insert when new, else replace at its version) with
    /// the deadline index row moved to match, plus <paramref name="extra"/> operations in the same partition; false when
    /// the case changed meanwhile (re-read and retry).
    /// </summary>
    public async Task<bool> TryWriteAsync(StoredConsent stored, DelayConsentCase next, string? lastNotice, IReadOnlyList<TableOperation> extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(next);
        var entity = Entity(stored.Partition, next, stored.CustomerId, lastNotice);
        var operations = new List<TableOperation> { stored.IsNew ? TableOperation.Insert(entity) : TableOperation.Replace(entity, stored.ETag) };
        var oldDue = stored.IsNew ? null : DueRow(stored.Case);
        var newDue = DueRow(next);
        if (oldDue != newDue)
        {
            if (oldDue is not null)
            {
                operations.Add(TableOperation.Delete(stored.Partition, oldDue, ETag.Any));
            }

            if (newDue is not null)
            {
                operations.Add(TableOperation.UpsertReplace(new TableEntity(stored.Partition, newDue, new Dictionary<string, object?> { ["OrderId"] = next.OrderId })));
            }
        }

        operations.AddRange(extra);
        await store.CreateTableIfNotExistsAsync(Table, cancellationToken).ConfigureAwait(false);
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        return result is { FailedIndex: 0, FailureStatus: WriteStatus.PreconditionFailed or WriteStatus.AlreadyExists or WriteStatus.NotFound }
            ? false
            : throw new InvalidOperationException($"Writing the delay-consent case of order {next.OrderId} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
    }

    /// <summary>
    /// Removes the index row of a cancellation once it is finished, with <paramref name="extra"/> operations (the
    /// notification); false when another run finished it first.
    /// </summary>
    public async Task<bool> TryFinishCancellationAsync(StoredConsent stored, IReadOnlyList<TableOperation> extra, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var due = DueRow(stored.Case) ?? throw new InvalidOperationException($"Order {stored.Case.OrderId}'s delay-consent case has no pending cancellation.");
        var result = await store.SubmitTransactionAsync(Table, [TableOperation.Delete(stored.Partition, due, ETag.Any), .. extra], cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return true;
        }

        return result is { FailedIndex: 0, FailureStatus: WriteStatus.NotFound }
            ? false
            : throw new InvalidOperationException($"Finishing the cancellation of order {stored.Case.OrderId} failed at operation {result.FailedIndex} with {result.FailureStatus}.");
    }

    /// <summary>
    /// The index rows due at or before <paramref name="now"/>: one row-key range per order partition, read in pages of
    /// <paramref name="pageSize"/>; each row holds the <c>OrderId</c>.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> DueAsync(DateTimeOffset now, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var upper = DuePrefix + (now.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
        foreach (var partition in OrderIds.Partitions)
        {
            await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowRange(partition, DuePrefix, upper), pageSize, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// The deadline index row a case needs: at its consent deadline while awaiting consent, at the moment of the
    /// decision while a cancellation is unfinished (a cancelled case keeps it until <see cref="TryFinishCancellationAsync"/>).
    /// </summary>
    internal static string? DueRow(DelayConsentCase state) => state.Status switch
    {
        DelayConsentStatus.AwaitingConsent => DueKey(state.ConsentDeadline!.Value, state.OrderId),
        DelayConsentStatus.Cancelled => DueKey(state.LastChangedAt!.Value, state.OrderId),
        _ => null,
    };

    private static string DueKey(DateTimeOffset at, string orderId) =>
        DuePrefix + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + orderId;

    private static TableEntity Entity(string partition, DelayConsentCase state, string customerId, string? lastNotice) =>
        new(partition, CasePrefix + state.OrderId, new Dictionary<string, object?>
        {
            ["CustomerId"] = customerId,
            ["OriginalPromise"] = Date(state.OriginalPromise),
            ["CurrentPromise"] = Date(state.CurrentPromise),
            ["Status"] = state.Status.ToString(),
            ["DelayCount"] = state.DelayCount,
            ["PendingRevisedDate"] = state.PendingRevisedDate is { } pending ? Date(pending) : null,
            ["ConsentDeadline"] = state.ConsentDeadline,
            ["ConsentBasis"] = state.ConsentBasis.ToString(),
            ["CancellationReason"] = state.CancellationReason?.ToString(),
            ["LastChangedAt"] = state.LastChangedAt,
            ["LastNotice"] = lastNotice,
        });

    private static StoredConsent Read(TableEntity row)
    {
        var orderId = row.RowKey[CasePrefix.Length..];
        var state = DelayConsentCase.Restore(
            orderId,
            ParseDate(row.GetString("OriginalPromise")),
            ParseDate(row.GetString("CurrentPromise")),
            Enum.Parse<DelayConsentStatus>(row.GetString("Status") ?? nameof(DelayConsentStatus.OnSchedule)),
            row.GetInt32("DelayCount") ?? 0,
            row.GetString("PendingRevisedDate") is { } pending ? ParseDate(pending) : null,
            row.GetDateTimeOffset("ConsentDeadline"),
            Enum.Parse<ConsentBasis>(row.GetString("ConsentBasis") ?? nameof(ConsentBasis.None)),
            row.GetString("CancellationReason") is { } reason ? Enum.Parse<DelayCancellationReason>(reason) : null,
            row.GetDateTimeOffset("LastChangedAt"));
        return new StoredConsent(state, row.GetString("CustomerId") ?? string.Empty, row.PartitionKey, row.ETag, row.GetString("LastNotice"));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string? text) => DateOnly.ParseExact(text ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
