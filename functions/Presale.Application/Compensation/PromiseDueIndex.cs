using System.Globalization;
using Presale.Application.Storage;

namespace Presale.Application.Compensation;

/// <summary>
/// The "orders by due date" index the compensation sweep reads. Its rows live in the order's own partition of the
/// orders table, <c>due|{yyyy-MM-dd}|{orderId}</c>, so the writer of a promise adds the row in the same entity-group
/// transaction as the promise (<see cref="Upsert"/>), and the sweep reads one row-key range per order partition up to
/// today: no table scan.
/// </summary>
/// <remarks>
/// A row means "look at this order on or after this date". When a promise moves, upsert the new date; the row of the
/// old date may stay: the sweep re-assesses the order from its stored state, moves it to its real next date and drops
/// the stale row, so a left-over row costs one read, never a wrong award.
/// </remarks>
public static class PromiseDueIndex
{
    /// <summary>The row-key prefix of index rows.</summary>
    public const string Prefix = "due|";

    /// <summary>The row key of <paramref name="orderId"/> due on <paramref name="dueOn"/>.</summary>
    public static string RowKey(DateOnly dueOn, string orderId) =>
        Prefix + dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + orderId;

    /// <summary>The exclusive upper bound of rows due on or before <paramref name="today"/>.</summary>
    public static string UpperBound(DateOnly today) => Prefix + today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The operation indexing an order promised for <paramref name="promisedDate"/> (shop-local): due the day after,
    /// the first day it can be late. Include it in the transaction that sets the promise.
    /// </summary>
    public static TableOperation Upsert(string partition, string orderId, DateOnly promisedDate) =>
        TableOperation.UpsertReplace(Entity(partition, promisedDate.AddDays(1), orderId));

    /// <summary>
    /// The operation that re-indexes an order from <paramref name="from"/> to <paramref name="to"/> (both due dates).
    /// The delete fails the transaction with NotFound when another sweep moved the row first.
    /// </summary>
    public static IReadOnlyList<TableOperation> Move(string partition, string orderId, DateOnly from, DateOnly to) =>
    [
        TableOperation.UpsertReplace(Entity(partition, to, orderId)),
        TableOperation.Delete(partition, RowKey(from, orderId), ETag.Any),
    ];

    /// <summary>
    /// The operation removing the index row of an order promised for <paramref name="promisedDate"/>. Only include it
    /// where that row is known to exist (a delete of a missing row fails the transaction); otherwise leave the row:
    /// the sweep drops rows of settled orders itself.
    /// </summary>
    public static TableOperation Remove(string partition, string orderId, DateOnly promisedDate) =>
        TableOperation.Delete(partition, RowKey(promisedDate.AddDays(1), orderId), ETag.Any);

    /// <summary>The due date and order id of an index row key, or null when <paramref name="rowKey"/> is not one.</summary>
    public static (DateOnly DueOn, string OrderId)? Parse(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        const int dateLength = 10;
        if (!rowKey.StartsWith(Prefix, StringComparison.Ordinal)
            || rowKey.Length <= Prefix.Length + dateLength + 1
            || rowKey[Prefix.Length + dateLength] != '|'
            || !DateOnly.TryParseExact(rowKey.AsSpan(Prefix.Length, dateLength), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
        {
            return null;
        }

        return (due, rowKey[(Prefix.Length + dateLength + 1)..]);
    }

    private static TableEntity Entity(string partition, DateOnly dueOn, string orderId) =>
        new(partition, RowKey(dueOn, orderId), new Dictionary<string, object?> { ["OrderId"] = orderId });
}
