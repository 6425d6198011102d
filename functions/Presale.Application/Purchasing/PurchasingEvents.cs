namespace Presale.Application.Purchasing;

/// <summary>
/// The integration events purchasing writes to its outbox in the same transaction as the change they announce
/// (published to <see cref="PurchasingOptions.EventsTopic"/>): <c>purchase-order.created</c>,
/// <c>purchase-order.acknowledged</c>, <c>supplier-statement.closed</c>. Message ids are stable, so a row published
/// twice is one event to a broker with duplicate detection and to idempotent consumers
/// (<see cref="Common.IntegrationEventMessage"/>).
/// </summary>
internal static class PurchasingEvents
{
    public const string Created = "purchase-order.created";
    public const string Acknowledged = "purchase-order.acknowledged";
    public const string StatementClosed = "supplier-statement.closed";
}
