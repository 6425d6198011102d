using Presale.Domain.Notifications;

namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>order.cancelled</c> (schema <c>docs/events/order.cancelled.v1.schema.json</c>).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="Cause"><c>customerRequest</c>, <c>noConsentToDelay</c> or <c>shop</c>.</param>
/// <param name="Refund">The refund due (units not shipped, plus shipping while nothing has shipped).</param>
public sealed record OrderCancelledData(string OrderId, string CustomerId, CancellationCause Cause, EventMoney Refund);
