using System.Globalization;
using System.Text;
using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Outbox;
using Presale.Application.Purchasing;
using Presale.Application.Storage;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Settlement;

/// <summary>
/// Closed statements in the supplier's partition of the purchasing table: the statement's JSON and the settled
/// position in rows <c>statement|{period}|d{NN}</c> and <c>…|p{NN}</c>, and the head row naming the latest closed
/// period. Closing is <b>one entity-group transaction</b>: the statement rows (inserted: they exist once), the head
/// (inserted, or replaced under the version read: two closers cannot both move it), the removal of finished purchase
/// orders from the active index, and the <c>supplier-statement.closed</c> event (while integration events are on). So a statement is stored whole or not
/// at all, and once stored it is never written again.
/// </summary>
public sealed class StatementStore(ITableStore store, PurchasingOptions options)
{
    /// <summary>The most text (statement JSON + position JSON) one statement may hold: what fits a 4 MiB transaction with room for JSON escaping.</summary>
    public const int MaxTextLength = 1_200_000;

    private const string TextProperty = "Text";
    private const int MaxOperations = 100;

    private string Table => options.PurchasingTable;

    /// <summary>The supplier's latest closed statement, or null before its first.</summary>
    public async Task<StatementHead?> GetHeadAsync(string supplierId, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(Table, PurchasingRows.SupplierPartition(supplierId), PurchasingRows.StatementHead, cancellationToken).ConfigureAwait(false);
        return row?.GetString("Period") is { } period
            ? new StatementHead(period, DateOnly.ParseExact(row.GetString("PeriodEnd")!, "yyyy-MM-dd", CultureInfo.InvariantCulture), row.ETag)
            : null;
    }

    /// <summary>The stored JSON and position of the statement of <paramref name="period"/>, or null when it is not closed.</summary>
    public async Task<(string Json, SettlementPosition Position)?> GetAsync(string supplierId, string period, CancellationToken cancellationToken)
    {
        var document = new StringBuilder();
        var position = new StringBuilder();
        var found = false;
        var prefix = PurchasingRows.Statement(period);
        await foreach (var row in store.QueryAllAsync(Table, TableFilter.RowPrefix(PurchasingRows.SupplierPartition(supplierId), prefix), 100, cancellationToken).ConfigureAwait(false))
        {
            found = true;
            (row.RowKey[prefix.Length] == 'd' ? document : position).Append(ChunkedText.Read(row, TextProperty));
        }

        return found
            ? (document.ToString(), JsonSerializer.Deserialize<SettlementPosition>(position.ToString(), PresaleJson.Options) ?? SettlementPosition.Empty)
            : null;
    }

    /// <summary>
    /// Writes a closed statement in one transaction; false when another closer stored this period (or moved the head)
    /// first, in which case nothing was written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The statement is too large for one transaction.</exception>
    public async Task<bool> CloseAsync(
        string supplierId, SettlementPeriod period, StatementHead? head, string json, SettlementPosition position,
        IReadOnlyList<string> finishedPurchaseOrders, OutboxMessage? closed, CancellationToken cancellationToken)
    {
        var partition = PurchasingRows.SupplierPartition(supplierId);
        var positionJson = JsonSerializer.Serialize(position, PresaleJson.Options);
        if (json.Length + positionJson.Length > MaxTextLength)
        {
            throw new InvalidOperationException(
                $"The statement of supplier {supplierId} for {period} holds {json.Length + positionJson.Length} characters; one statement may hold at most {MaxTextLength}. Use a shorter settlement period.");
        }

        var operations = new List<TableOperation>();
        operations.AddRange(Parts(partition, period.Id, 'd', json));
        operations.AddRange(Parts(partition, period.Id, 'p', positionJson));
        var headRow = new TableEntity(partition, PurchasingRows.StatementHead, new Dictionary<string, object?>
        {
            ["Period"] = period.Id,
            ["PeriodEnd"] = period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        operations.Add(head is null ? TableOperation.Insert(headRow) : TableOperation.Replace(headRow, head.ETag));
        if (closed is not null)
        {
            operations.Add(OutboxEventPublisher.Row(partition, closed));
        }

        // Finished orders leave the active index; those beyond one transaction's room leave with a later statement.
        operations.AddRange(finishedPurchaseOrders.Take(MaxOperations - operations.Count).Select(id => TableOperation.Delete(partition, PurchasingRows.Active(id), ETag.Any)));
        var result = await store.SubmitTransactionAsync(Table, operations, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            || (result.FailureStatus is WriteStatus.AlreadyExists or WriteStatus.PreconditionFailed or WriteStatus.NotFound
                ? false
                : throw new InvalidOperationException($"Closing the statement of supplier {supplierId} for {period} failed at operation {result.FailedIndex} with {result.FailureStatus}."));
    }

    private static IEnumerable<TableOperation> Parts(string partition, string period, char kind, string text)
    {
        var part = 0;
        for (var offset = 0; offset < text.Length || part == 0; offset += ChunkedText.MaxLength, part++)
        {
            var piece = text.Substring(offset, Math.Min(ChunkedText.MaxLength, text.Length - offset));
            yield return TableOperation.Insert(new TableEntity(
                partition,
                PurchasingRows.Statement(period) + kind + part.ToString("D2", CultureInfo.InvariantCulture),
                ChunkedText.Properties(TextProperty, piece)));
        }
    }
}
