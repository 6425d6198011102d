namespace Presale.Domain.Reconciliation;

/// <summary>
/// The supply of one SKU at the moment of planning: on-hand units (including those already allocated to
/// ready-to-ship orders), inbound lots and the pre-sale cap.
/// </summary>
/// <param name="Sku">The SKU.</param>
/// <param name="OnHand">Units on the shelf, allocated or not (negative is treated as zero).</param>
/// <param name="Lots">Inbound lots in any order; cancelled and empty lots are ignored. Lot ids must be unique.</param>
/// <param name="PreSaleCap">Units the shop allows to sell beyond on hand plus inbound, with no date.</param>
public sealed record SupplySnapshot(Common.Sku Sku, int OnHand, IReadOnlyList<InboundLot> Lots, int PreSaleCap = 0);
