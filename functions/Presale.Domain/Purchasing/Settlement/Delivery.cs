namespace Presale.Domain.Purchasing.Settlement;

/// <summary>One delivery of a purchase-order line: a goods receipt.</summary>
/// <param name="On">The shop-local day it was received.</param>
/// <param name="Units">Units received.</param>
/// <param name="Reference">The receipt's event id (orders deliveries of one day).</param>
public sealed record Delivery(DateOnly On, int Units, string Reference);
