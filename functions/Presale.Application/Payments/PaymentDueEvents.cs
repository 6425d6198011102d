using Presale.Application.IntegrationEvents;
using Presale.Application.Outbox;
using Presale.Domain.Orders;
using Presale.Domain.Payments;
using Presale.Domain.Shop;

namespace Presale.Application.Payments;

/// <summary>
/// The <c>payment.due</c> events of an order line that has just come further (<see cref="LineProgress"/>): one per
/// instalment that could not be charged before and can be now — a balance when the line becomes ready to ship, an
/// on-ship amount when units of it ship. At-order instalments (full, deposit) are charged at checkout and get none.
/// The producer writes the messages in the transaction that records the progress on the order, so an event is
/// published if and only if that change committed; each is keyed <c>payment-due:{orderId}:{instalmentId}:{dueOn}</c>,
/// so a replayed change repeats the key and a due day that moved is a new fact. Nothing while integration events are off.
/// </summary>
public sealed class PaymentDueEvents(PaymentsOptions payments, IntegrationEventsOptions events)
{
    /// <summary>
    /// The outbox messages for line <paramref name="lineNumber"/> of <paramref name="order"/> (as it stands after the
    /// change) having come from <paramref name="before"/> to where it is now.
    /// </summary>
    public IReadOnlyList<OutboxMessage> Messages(Order order, ShopSettings? shop, int lineNumber, LineProgress before, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!events.Enabled)
        {
            return [];
        }

        var after = OrderSchedule.Progress(order, lineNumber);
        var sku = order.Lines.First(l => l.LineNumber == lineNumber).Sku.Value;
        return [.. OrderSchedule.Of(order, shop, payments.DefaultPaymentPlan()).Instalments
            .Where(i => i.LineNumber == lineNumber && !i.AtOrder && i.CanFallDue(after) && !i.CanFallDue(before))
            .Select(i => IntegrationEventOutbox.ToTopic(Event(order, i, sku, now)))];
    }

    private IntegrationEvent Event(Order order, Instalment instalment, string sku, DateTimeOffset now) => IntegrationEvent.Create(
        IntegrationEventTypes.PaymentDue,
        IntegrationEventKey.Of("payment-due", order.Id, instalment.Id, instalment.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        now,
        order.Id,
        new PaymentDueData(
            order.Id,
            order.CustomerId,
            instalment.Id,
            instalment.Kind,
            instalment.LineNumber,
            sku,
            EventMoney.From(instalment.Amount),
            instalment.DueOn,
            payments.UpdatePaymentUrl(order.Id)),
        new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [IntegrationEventProperties.CustomerId] = order.CustomerId,
            [IntegrationEventProperties.OrderId] = order.Id,
            [IntegrationEventProperties.Sku] = sku,
        });
}
