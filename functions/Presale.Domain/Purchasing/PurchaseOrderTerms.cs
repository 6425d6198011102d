namespace Presale.Domain.Purchasing;

/// <summary>The part of the supplier's terms a purchase order keeps from the moment it is created: how its lines are judged.</summary>
/// <param name="Window">The on-time window.</param>
/// <param name="Chargebacks">The chargeback rates.</param>
public sealed record PurchaseOrderTerms(OnTimeWindow Window, ChargebackRates Chargebacks);
