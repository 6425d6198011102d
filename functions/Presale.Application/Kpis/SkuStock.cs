namespace Presale.Application.Kpis;

/// <summary>A SKU's stock and supply as read for a snapshot, with the unit cost it is valued at.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="OnHand">Units on hand.</param>
/// <param name="Inbound">Units still expected on inbound lots.</param>
/// <param name="Cap">The pre-sale cap.</param>
/// <param name="Reserved">Units reserved by open orders.</param>
/// <param name="UnitCost">The mean agreed unit cost over the supplier catalogues offering the SKU; null when none does.</param>
public sealed record SkuStock(string Sku, int OnHand, int Inbound, int Cap, long Reserved, decimal? UnitCost);
