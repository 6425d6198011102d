namespace Presale.Application.Kpis;

/// <summary>A SKU's pre-sold units against its supply, as the last snapshot run found them.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Reserved">Units of open orders not yet shipped (the reservations).</param>
/// <param name="OnHand">Units on hand.</param>
/// <param name="Inbound">Units still expected on inbound lots.</param>
/// <param name="Cap">The pre-sale cap beyond confirmed supply.</param>
/// <param name="BeyondConfirmed">Reserved units beyond on hand plus inbound: sold on the cap, waiting for supply nobody confirmed yet.</param>
public sealed record SkuSupplyStatus(string Sku, long Reserved, int OnHand, int Inbound, int Cap, long BeyondConfirmed);
