using System.Globalization;
using Presale.Application.Common;
using Presale.Application.Compensation;
using Presale.Application.Notifications;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Compensation;

namespace Presale.Application.Credits;

/// <summary>
/// Issued coupons and store credit, one row per award in the customer's partition of
/// <see cref="CompensationOptions.CreditsTable"/>, keyed by the award's de-duplication key (<c>comp:{orderId}:{tier}</c>).
/// Issuing is an insert: the store refuses a second row under the same key, so an award is issued at most once however
/// many sweeps race. The row also carries the notification announcing it (the outbox of this change: written in the
/// same write, published afterwards and flagged).
/// </summary>
public sealed class CreditStore(ITableStore store, CompensationOptions options)
{
    private readonly TableBootstrap _tables = new(store, [options.CreditsTable]);

    // Every credit row's key starts so (the award's key, comp:{orderId}:{tier}).
    private const string CreditPrefix = "comp:";

    private string Table => options.CreditsTable;

    /// <summary>
    /// Issues <paramref name="award"/> with its notification (not yet published) and returns it; null when it was issued
    /// before (by this or another sweep), in which case nothing changed.
    /// </summary>
    public async Task<IssuedCredit?> TryIssueAsync(CompensationAward award, NotificationMessage notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(award);
        ArgumentNullException.ThrowIfNull(notification);
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var body = NotificationMessageSerializer.Serialize(notification);
        var entity = new TableEntity(award.CustomerId, award.DeduplicationKey, new Dictionary<string, object?>
        {
            ["OrderId"] = award.OrderId,
            ["Tier"] = award.Tier,
            ["Amount"] = award.Amount.Amount,
            ["Currency"] = award.Amount.Currency,
            ["Kind"] = award.Kind.ToString(),
            ["DueOn"] = award.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["IssuedAt"] = notification.CreatedAt,
            ["NotificationBody"] = body,
            ["Notified"] = false,
        });
        var result = await store.InsertAsync(Table, entity, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            WriteStatus.Ok => new IssuedCredit(
                new CreditRecord(award.DeduplicationKey, award.CustomerId, award.OrderId, award.Tier, award.Amount, award.Kind, award.DueOn, notification.CreatedAt),
                body,
                Notified: false),
            WriteStatus.AlreadyExists => null,
            _ => throw new InvalidOperationException($"Issuing {award.DeduplicationKey} failed with {result.Status}."),
        };
    }

    /// <summary>The credits issued for <paramref name="orderId"/> (one range read in the customer's partition).</summary>
    public async Task<IReadOnlyList<IssuedCredit>> ForOrderAsync(string customerId, string orderId, CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var prefix = CompensationAward.KeyFor(orderId, 0)[..^1];
        var credits = new List<IssuedCredit>();
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowPrefix(customerId, prefix), 100, cancellationToken).ConfigureAwait(false))
        {
            credits.Add(new IssuedCredit(Read(row), row.GetString("NotificationBody") ?? string.Empty, row.GetBoolean("Notified") == true));
        }

        return credits;
    }

    /// <summary>Every credit issued to <paramref name="customerId"/> (one paged range read of the customer's partition).</summary>
    public async IAsyncEnumerable<CreditRecord> AllOfAsync(string customerId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowPrefix(customerId, CreditPrefix), 1000, cancellationToken).ConfigureAwait(false))
        {
            yield return Read(row);
        }
    }

    /// <summary>Flags the notification of credit <paramref name="creditId"/> as published.</summary>
    public async Task MarkNotifiedAsync(string customerId, string creditId, CancellationToken cancellationToken)
    {
        var result = await store.MergeAsync(Table, new TableEntity(customerId, creditId).With("Notified", true), ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Flagging the notification of credit {creditId} failed with {result.Status}.");
        }
    }

    /// <summary>A page of <paramref name="customerId"/>'s credits after <paramref name="continuationToken"/>; null when the token is not one of this listing.</summary>
    public async Task<CreditPage?> ListAsync(string customerId, int limit, string? continuationToken, CancellationToken cancellationToken)
    {
        string? after = null;
        if (continuationToken is not null && (after = KeysetPage.Decode(continuationToken, CreditPrefix)) is null)
        {
            return null;
        }

        await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (items, token) = await KeysetPage.ReadAsync(store, Table, customerId, CreditPrefix, after, limit, cancellationToken).ConfigureAwait(false);
        return new CreditPage([.. items.Select(Read)], token);
    }

    private static CreditRecord Read(TableEntity row)
    {
        var currency = row.GetString("Currency") ?? "XXX";
        return new CreditRecord(
            row.RowKey,
            row.PartitionKey,
            row.GetString("OrderId") ?? string.Empty,
            row.GetInt32("Tier") ?? 0,
            new Money(row.GetDecimal("Amount") ?? 0m, currency),
            Enum.TryParse<CompensationKind>(row.GetString("Kind"), out var kind) ? kind : CompensationKind.Coupon,
            DateOnly.ParseExact(row.GetString("DueOn") ?? "0001-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.GetDateTimeOffset("IssuedAt") ?? default);
    }
}
