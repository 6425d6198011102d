using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Presale.Application.IntegrationEvents;
using Presale.Application.Messaging;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Storage;

namespace Presale.Application.Suppliers;

/// <summary>
/// The reconcile messages of supplier events. A lot change writes <b>one</b> outbox row per event in the supplier's
/// partition of the lots table, naming every affected SKU (<c>{"type":"supply.changed","skus":[…],…}</c>), so the
/// event's transaction stays at a fixed size however many SKUs the lot carries. Publishing fans the row out into one
/// message per SKU (<c>{"sku":…}</c>) with the stable id <c>{row's message id}|{sku}</c>: a row republished after a
/// crash produces the same ids, which the broker's duplicate detection and the idempotent reconcile absorb.
/// A row holding an integration event (<see cref="IntegrationEventOutbox"/>: a lot put at risk) goes to the event topic
/// instead, through <paramref name="events"/>.
/// </summary>
public sealed partial class SupplyChangedOutbox(ITableStore store, IMessagePublisher publisher, OrdersOptions options, ILogger<SupplyChangedOutbox> logger, IIntegrationEventPublisher events)
{
    /// <summary>Subject of supplier-event reconcile messages.</summary>
    public const string Subject = "supply.changed";

    /// <summary>Publishes in flight when fanning one row out.</summary>
    private const int Parallelism = 16;

    /// <summary>
    /// The outbox message of one supplier event (or system revision) of <paramref name="lotId"/> affecting
    /// <paramref name="skus"/>; its id <c>supply|{supplierId}|{eventId}</c> is stable.
    /// </summary>
    public static OutboxMessage Message(string supplierId, string eventId, string lotId, IEnumerable<string> skus, DateTimeOffset at) => new(
        $"supply|{supplierId}|{eventId}",
        Subject,
        JsonSerializer.Serialize(new { type = Subject, skus = skus.Order(StringComparer.Ordinal).ToArray(), supplierId, lotId, eventId, occurredAt = at }),
        lotId,
        at);

    /// <summary>
    /// The per-SKU messages <paramref name="message"/> fans out to: each carries the event's fields with <c>sku</c> in
    /// place of <c>skus</c>, and the id <c>{message id}|{sku}</c>.
    /// </summary>
    /// <exception cref="FormatException">The stored body names no SKU list (nor, as rows of one SKU did, a single <c>sku</c>).</exception>
    public static IReadOnlyList<OutboundMessage> FanOut(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonNode.Parse(message.Body) as JsonObject ?? throw new FormatException($"Outbox message {message.MessageId} is not a JSON object.");
        if (body["skus"] is not JsonArray skus)
        {
            // A row written before events named all their SKUs in one row: it already is one SKU's message.
            return body["sku"] is JsonValue
                ? [new OutboundMessage(message.MessageId, message.Body, message.CorrelationId, message.Subject)]
                : throw new FormatException($"Outbox message {message.MessageId} names no 'skus'.");
        }

        var list = new List<OutboundMessage>(skus.Count);
        foreach (var sku in skus.Select(s => s?.GetValue<string>()).Where(s => s is not null).Distinct(StringComparer.Ordinal))
        {
            var single = (JsonObject)body.DeepClone();
            single.Remove("skus");
            single["sku"] = sku;
            list.Add(new OutboundMessage($"{message.MessageId}|{sku}", single.ToJsonString(), sku, message.Subject));
        }

        return list;
    }

    /// <summary>
    /// Publishes the row <paramref name="rowKey"/> of the supplier's partition as one reconcile message per SKU (or, for
    /// an integration event, to the event topic), then deletes the row. Throws when a publish fails (the row stays; publishing it again repeats the same ids).
    /// </summary>
    public async Task PublishAsync(string supplierId, string rowKey, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (IntegrationEventOutbox.Carries(message))
        {
            await events.PublishAsync(IntegrationEventOutbox.Read(message), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await PublishReconcileAsync(message, cancellationToken).ConfigureAwait(false);
        }

        var deleted = await store.DeleteAsync(options.LotsTable, supplierId, rowKey, ETag.Any, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded && deleted.Status != WriteStatus.NotFound)
        {
            throw new InvalidOperationException($"Removing published outbox message {message.MessageId} failed with {deleted.Status}.");
        }
    }

    private async Task PublishReconcileAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            FanOut(message),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (outbound, token) => await publisher.PublishAsync(options.ReconcileQueue, outbound, token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes right after the change committed; a failure is logged and left to the supplier outbox sweeper (false):
    /// the change is committed and its message is safe in the outbox.
    /// </summary>
    public async Task<bool> TryPublishAsync(string supplierId, OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await PublishAsync(supplierId, OutboxRows.RowKey(message), message, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogLeftForSweeper(logger, error, message.MessageId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing supplier outbox message {MessageId} failed; the supplier outbox sweeper will publish it.")]
    private static partial void LogLeftForSweeper(ILogger logger, Exception error, string messageId);
}
