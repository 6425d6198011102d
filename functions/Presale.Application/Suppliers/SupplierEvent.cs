namespace Presale.Application.Suppliers;

/// <summary>The identity and ordering facts of one supplier webhook event, as the ledger needs them.</summary>
/// <param name="SupplierId">The (authenticated) supplier.</param>
/// <param name="EventId">The supplier's event id, unique per supplier (identifier rules: 1–100 characters, no '/', '\\', '#', '?').</param>
/// <param name="LotId">The lot it concerns (identifier rules); for an acknowledgement, the purchase order. Its watermark orders the events of one lot (or order).</param>
/// <param name="SupplierTimestamp">When the supplier says the event happened; orders events of one lot.</param>
/// <param name="Kind">ETA update, receipt or acknowledgement.</param>
public sealed record SupplierEvent(string SupplierId, string EventId, string LotId, DateTimeOffset SupplierTimestamp, SupplierEventKind Kind);
