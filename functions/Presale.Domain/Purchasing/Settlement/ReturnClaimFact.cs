using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>A return-to-vendor claim from returns triage: one unit sent back to the supplier, credited at its cost.</summary>
/// <param name="ClaimId">The claim (<c>{returnId}:{unitId}</c>).</param>
/// <param name="Sku">The unit's SKU.</param>
/// <param name="DecidedOn">The shop-local day it was decided.</param>
/// <param name="UnitCost">What the shop paid the supplier for the unit (its purchase-order line's cost, else the catalogue's); null when unknown.</param>
/// <param name="PurchaseOrderId">The purchase order the unit came in on, when known.</param>
/// <param name="LineNumber">That order's line, when known.</param>
public sealed record ReturnClaimFact(string ClaimId, Sku Sku, DateOnly DecidedOn, Money? UnitCost, string? PurchaseOrderId, int? LineNumber);
