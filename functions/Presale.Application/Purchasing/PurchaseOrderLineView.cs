using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>A purchase-order line as the shop and the supplier see it.</summary>
/// <param name="LineNumber">Its number (what an acknowledgement names).</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="UnitCost">Cost per unit.</param>
/// <param name="RequestedDate">The delivery date the shop asked for.</param>
/// <param name="Answer">The supplier's latest answer; null until it answers.</param>
/// <param name="AcceptedQuantity">Units it will deliver in all by that answer.</param>
/// <param name="Eta">Its latest ETA.</param>
/// <param name="RejectionReason">Why it rejected the line.</param>
/// <param name="CommittedQuantity">Units it first accepted (its word).</param>
/// <param name="CommittedEta">The ETA it first gave.</param>
/// <param name="LotId">The inbound lot the line became once accepted (receipts name it).</param>
public sealed record PurchaseOrderLineView(
    int LineNumber,
    string Sku,
    int Quantity,
    Money UnitCost,
    DateOnly RequestedDate,
    LineAnswer? Answer,
    int AcceptedQuantity,
    DateOnly? Eta,
    string? RejectionReason,
    int? CommittedQuantity,
    DateOnly? CommittedEta,
    string? LotId);
