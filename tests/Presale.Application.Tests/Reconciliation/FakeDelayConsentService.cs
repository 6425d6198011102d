using System.Collections.Concurrent;
using Presale.Application.DelayConsent;
using Presale.Domain.Notifications;

namespace Presale.Application.Tests.Reconciliation;

/// <summary>Records delays and answers a delayed notice keyed per (order, revised date), as the real service promises.</summary>
internal sealed class FakeDelayConsentService : IDelayConsentService
{
    public ConcurrentQueue<(DelayedOrder Order, DateOnly Revised)> Calls { get; } = new();

    public Task<Notification> RecordDelayAsync(DelayedOrder order, DateOnly revisedDate, CancellationToken cancellationToken)
    {
        Calls.Enqueue((order, revisedDate));
        return Task.FromResult(new Notification
        {
            Kind = NotificationKind.Delayed,
            OrderId = order.OrderId,
            CustomerId = order.CustomerId,
            DeduplicationKey = NotificationKeys.Delayed(order.OrderId, revisedDate.DayNumber),
            Locale = "en",
            Title = "Delayed",
            Text = $"Order {order.OrderId} now ships on {revisedDate:yyyy-MM-dd}.",
            PromisedDate = order.OriginalPromise,
            RevisedDate = revisedDate,
            DelayNumber = 1,
        });
    }
}
