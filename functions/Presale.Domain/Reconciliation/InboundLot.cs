namespace Presale.Domain.Reconciliation;

/// <summary>An inbound lot of the SKU being planned, as the supply ledger knows it now.</summary>
/// <param name="LotId">The lot id (unique within the snapshot).</param>
/// <param name="SupplierId">The supplier that promised it.</param>
/// <param name="Eta">The current ETA as a date in the shop's time zone (convert an instant with <see cref="PromiseCalendar.LocalDate"/>).</param>
/// <param name="Quantity">Units still expected (ordered minus already received); zero or less contributes nothing.</param>
/// <param name="Cancelled">True when the supplier cancelled the lot; it then contributes nothing.</param>
public sealed record InboundLot(string LotId, string SupplierId, DateOnly Eta, int Quantity, bool Cancelled = false);
