using Presale.Domain.Payments;

namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>payment.due</c> (schema <c>docs/events/payment.due.v1.schema.json</c>).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="CustomerId">Its customer.</param>
/// <param name="InstalmentId">The instalment to charge, stable across re-plans ("2-balance"); what the outcome is posted against.</param>
/// <param name="Kind">A balance (its line is ready to ship) or an on-ship amount (units of its line shipped).</param>
/// <param name="LineNumber">The order line it pays for.</param>
/// <param name="Sku">That line's SKU.</param>
/// <param name="Amount">What to charge, in the order's currency.</param>
/// <param name="DueOn">The shop-local day it falls due.</param>
/// <param name="UpdatePaymentUrl">The customer's link to update the payment method, when the shop configured one.</param>
public sealed record PaymentDueData(
    string OrderId,
    string CustomerId,
    string InstalmentId,
    InstalmentKind Kind,
    int LineNumber,
    string Sku,
    EventMoney Amount,
    DateOnly DueOn,
    Uri? UpdatePaymentUrl);
