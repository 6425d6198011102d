using Presale.Domain.Common;

namespace Presale.Application.Orders;

/// <summary>The body of <c>POST /api/orders</c> (sent with an <c>Idempotency-Key</c> header).</summary>
/// <param name="CustomerId">The customer's id in the shop.</param>
/// <param name="Tier">The customer's tier from the shop's CRM (platinum, gold, silver, standard).</param>
/// <param name="NotificationContact">Where to tell the customer about the order.</param>
/// <param name="Lines">The lines; each SKU once. All are reserved or none.</param>
/// <param name="Currency">The order's currency: must be the shop's.</param>
/// <param name="AcceptPreSaleTerms">The customer accepted the pre-sale terms (must be true).</param>
public sealed record PlaceOrderRequest(
    string? CustomerId,
    CustomerTier? Tier,
    NotificationContactRequest? NotificationContact,
    IReadOnlyList<PlaceOrderLineRequest>? Lines,
    string? Currency,
    bool? AcceptPreSaleTerms);
