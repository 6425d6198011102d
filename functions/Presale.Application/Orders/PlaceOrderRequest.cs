using Presale.Domain.Common;

namespace Presale.Application.Orders;

/// <summary>The body of <c>POST /api/orders</c> (sent with an <c>Idempotency-Key</c> header).</summary>
/// <param name="CustomerId">The customer's id in the shop.</param>
/// <param name="Tier">The customer's tier from the shop's CRM (platinum, gold, silver, standard).</param>
/// <param name="NotificationContact">Where to tell the customer about the order.</param>
/// <param name="Lines">The lines; each SKU once. All are reserved or none.</param>
/// <param name="Currency">The order's currency: must be the shop's.</param>
/// <param name="AcceptPreSaleTerms">The customer accepted the pre-sale terms (must be true).</param>
/// <param name="ShippingCharge">
/// What the customer paid for shipping, in the order's currency: 0 to 1,000,000,000 with at most the currency's minor
/// units (2 decimals; none for e.g. JPY). Absent means 0. Refunded with a cancellation while nothing has shipped, and by
/// a return the shop is at fault for.
/// </param>
public sealed record PlaceOrderRequest(
    string? CustomerId,
    CustomerTier? Tier,
    NotificationContactRequest? NotificationContact,
    IReadOnlyList<PlaceOrderLineRequest>? Lines,
    string? Currency,
    bool? AcceptPreSaleTerms,
    decimal? ShippingCharge = null);
