namespace Presale.Domain.Supply;

/// <summary>
/// One SKU's share of a supplier's inbound lot as the SKU's ledger sees it: the units still expected (ordered minus
/// received minus cancelled) and the current ETA, a date in the shop's calendar. The lot's own record keeps its full
/// history (ETA changes, receipts).
/// </summary>
public sealed record InboundLot
{
    /// <summary>Creates a lot line.</summary>
    public InboundLot(string supplierId, string lotId, string purchaseOrderReference, int quantity, DateOnly eta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        Source = SupplySource.Lot(supplierId, lotId);
        PurchaseOrderReference = purchaseOrderReference;
        Quantity = quantity;
        Eta = eta;
    }

    /// <summary>The lot as a supply source.</summary>
    public SupplySource Source { get; }

    /// <summary>The supplier.</summary>
    public string SupplierId => Source.SupplierId!;

    /// <summary>The lot id, unique per supplier.</summary>
    public string LotId => Source.LotId!;

    /// <summary>The shop's purchase-order reference.</summary>
    public string PurchaseOrderReference { get; }

    /// <summary>Units of this SKU still expected on the lot.</summary>
    public int Quantity { get; }

    /// <summary>The date the lot is expected in the warehouse.</summary>
    public DateOnly Eta { get; }

    /// <summary>
    /// Units of this SKU received from the lot and already counted on hand (so a receipt is counted once however often
    /// it is applied); 0 until the first receipt.
    /// </summary>
    public int Received { get; init; }
}
