using Presale.Domain.Common;
using Presale.Domain.Orders;

namespace Presale.Application.Supply;

/// <summary>
/// What reconciliation plans a reservation from, copied onto its row from the order line: the customer's tier, when the
/// order was placed and the line's tracking as its order records it. With the copy, re-planning a SKU reads its
/// reservation rows and only the orders whose plan changed (see docs/reconciliation.md, "Demand index").
/// </summary>
/// <param name="Tier">The customer's tier when the order was placed.</param>
/// <param name="PlacedAt">When the order was placed.</param>
/// <param name="Tracking">The line's tracking as the order records it; null before its first plan.</param>
public sealed record ReservationDemand(CustomerTier Tier, DateTimeOffset PlacedAt, LineTracking? Tracking);
