using System.Globalization;
using Presale.Application.Storage;
using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>
/// The layout of the returns table. A return partition (<c>r00</c>…<c>r07</c>) holds the returns
/// (<c>return|{id}</c>), their index rows — awaiting triage (<c>triage|{id}</c>) and the manual review queue
/// (<c>review|{id}</c>) — their refund records (<c>refund|{id}</c>) and outbox rows
/// (<c>outbox|{created ticks}|{effect id}</c>), so a change and everything that goes with it is one transaction.
/// Per order, partition <c>order|{orderId}</c> row <c>returned</c> holds the units already covered by returns and row
/// <c>shipping</c> the original shipping each return of the order refunds (or is about to); per customer, partition
/// <c>customer|{customerId}</c> holds one row per return (its request day).
/// </summary>
internal static class ReturnRows
{
    public const string TriagePrefix = "triage|";

    public const string ReviewPrefix = "review|";

    public const string OutboxPrefix = "outbox|";

    public const string ReturnedRow = "returned";

    public const string ShippingRow = "shipping";

    public static string Return(string returnId) => "return|" + returnId;

    public static string Triage(string returnId) => TriagePrefix + returnId;

    public static string Review(string returnId) => ReviewPrefix + returnId;

    public static string Refund(string returnId) => "refund|" + returnId;

    public static string OrderPartition(string orderId) => "order|" + orderId;

    public static string CustomerPartition(string customerId) => "customer|" + customerId;

    public static string Outbox(ReturnEffect effect) =>
        OutboxPrefix + effect.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + effect.Id;

    public static string OutboxUpperBound(DateTimeOffset before) =>
        OutboxPrefix + before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static TableEntity ReturnEntity(string partition, ReturnRequest request, string requestHash, bool triage, bool review) =>
        new(partition, Return(request.Id), new Dictionary<string, object?>
        {
            ["Document"] = ReturnDocument.Write(request),
            ["Status"] = request.Status.ToString(),
            ["OrderId"] = request.OrderId,
            ["CustomerId"] = request.CustomerId,
            ["RequestHash"] = requestHash,
            ["InTriageIndex"] = triage,
            ["InReviewIndex"] = review,
        });

    public static StoredReturn Read(TableEntity entity) => new(
        ReturnDocument.Read(entity.GetString("Document") ?? throw new FormatException($"Return row {entity.RowKey} has no document.")),
        entity.ETag,
        entity.PartitionKey,
        entity.GetString("RequestHash") ?? string.Empty,
        entity.GetBoolean("InTriageIndex") ?? false,
        entity.GetBoolean("InReviewIndex") ?? false);

    public static TableEntity TriageEntity(string partition, ReturnRequest request) =>
        new(partition, Triage(request.Id), new Dictionary<string, object?> { ["ReturnId"] = request.Id });

    public static TableEntity ReviewEntity(string partition, ReturnRequest request) =>
        new(partition, Review(request.Id), new Dictionary<string, object?>
        {
            ["ReturnId"] = request.Id,
            ["OrderId"] = request.OrderId,
            ["CustomerId"] = request.CustomerId,
            ["Status"] = request.Status.ToString(),
            ["Units"] = string.Join(",", request.UnitsAwaitingReview.Select(u => u.Id.ToString())),
            ["Basis"] = string.Join("; ", request.UnitsAwaitingReview.Select(u => $"{u.Id}: {u.Decision!.Basis}")),
            ["Since"] = request.UnitsAwaitingReview.Max(u => u.DecidedAt),
        });

    public static TableEntity RefundEntity(string partition, ReturnRequest request)
    {
        var refund = request.Refund!;
        return new TableEntity(partition, Refund(request.Id), new Dictionary<string, object?>
        {
            ["RefundKey"] = refund.Key,
            ["ReturnId"] = refund.ReturnId,
            ["OrderId"] = refund.OrderId,
            ["CustomerId"] = refund.CustomerId,
            ["Currency"] = refund.Total.Currency,
            ["Goods"] = refund.Goods.Amount,
            ["OriginalShippingRefund"] = refund.OriginalShippingRefund.Amount,
            ["ReturnLabelDeduction"] = refund.ReturnLabelDeduction.Amount,
            ["Total"] = refund.Total.Amount,
        });
    }

    public static TableEntity OutboxEntity(string partition, ReturnEffect effect) =>
        new(partition, Outbox(effect), new Dictionary<string, object?>
        {
            ["EffectId"] = effect.Id,
            ["Kind"] = effect.Kind.ToString(),
            ["Target"] = effect.Target,
            ["Subject"] = effect.Subject,
            ["Body"] = effect.Body,
            ["CorrelationId"] = effect.CorrelationId,
            ["CreatedAt"] = effect.CreatedAt,
        });

    public static ReturnEffect ReadOutbox(TableEntity entity) => new(
        entity.GetString("EffectId")!,
        Enum.Parse<ReturnEffectKind>(entity.GetString("Kind")!),
        entity.GetString("Target") ?? string.Empty,
        entity.GetString("Subject") ?? string.Empty,
        entity.GetString("Body") ?? "{}",
        entity.GetString("CorrelationId") ?? string.Empty,
        entity.GetDateTimeOffset("CreatedAt") ?? default);
}
