namespace Presale.Application.Supply;

/// <summary>A supplier's inbound lot.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="LotId">The lot id.</param>
/// <param name="PurchaseOrderReference">The purchase order.</param>
/// <param name="Eta">The current ETA.</param>
/// <param name="Status"><c>registering</c> while its lines are being added to the SKUs' ledgers, then <c>open</c>.</param>
/// <param name="Lines">The lines.</param>
/// <param name="EtaHistory">Every ETA the lot has had, oldest first.</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record LotView(string SupplierId, string LotId, string PurchaseOrderReference, DateOnly Eta, string Status, IReadOnlyList<LotLineView> Lines, IReadOnlyList<EtaChangeView> EtaHistory, DateTimeOffset RegisteredAt);
