namespace Presale.Application.Suppliers;

/// <summary>The kinds of supplier webhook event, which differ in how ordering applies.</summary>
public enum SupplierEventKind
{
    /// <summary>
    /// An ETA update (new ETA, changed quantities, cancellation): it replaces the lot's state, so one older than the last
    /// applied event of the lot is stale and changes nothing.
    /// </summary>
    EtaUpdate = 0,

    /// <summary>
    /// A goods receipt: it adds received units (split deliveries), so it is applied even when an event of the lot with a
    /// later supplier timestamp was applied first; it still moves the lot's watermark forward so older ETA updates
    /// arriving after it are stale.
    /// </summary>
    Receipt = 1,

    /// <summary>
    /// A purchase-order acknowledgement: it replaces the answers of the lines it names, so, like an ETA update, one older
    /// than the last applied acknowledgement of the order is stale (the ledger's watermark is kept per order).
    /// </summary>
    Acknowledgement = 2,
}
