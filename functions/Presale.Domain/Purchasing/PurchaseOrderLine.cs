using Presale.Domain.Common;

namespace Presale.Domain.Purchasing;

/// <summary>One line of a purchase order: what was ordered, at what cost, for when, and what the supplier answered.</summary>
/// <param name="LineNumber">1-based line number.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="UnitCost">Cost per unit in the order's currency.</param>
/// <param name="RequestedDate">The delivery date the shop asked for (shop-local).</param>
/// <param name="Commitment">The supplier's first acceptance; null until it accepts the line.</param>
/// <param name="Acknowledgement">The supplier's latest answer; null until it answers.</param>
public sealed record PurchaseOrderLine(int LineNumber, Sku Sku, int Quantity, Money UnitCost, DateOnly RequestedDate, LineCommitment? Commitment = null, LineAcknowledgement? Acknowledgement = null)
{
    /// <summary>True once the supplier answered the line.</summary>
    public bool IsAnswered => Acknowledgement is not null;

    /// <summary>Units the supplier will deliver in all, by its latest answer (0 until it accepts, and after it rejects).</summary>
    public int AcceptedQuantity => Acknowledgement is { Answer: LineAnswer.Accepted } a ? a.AcceptedQuantity : 0;

    /// <summary>The latest ETA the supplier gave; null until it accepts, or after it rejects.</summary>
    public DateOnly? Eta => Acknowledgement is { Answer: LineAnswer.Accepted } a ? a.Eta : null;

    /// <summary>The date the on-time window is measured against; null when it is the first acknowledged date and the line was never accepted.</summary>
    public DateOnly? WindowReference(OnTimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Reference == OnTimeReference.RequestedDate ? RequestedDate : Commitment?.Eta;
    }
}
