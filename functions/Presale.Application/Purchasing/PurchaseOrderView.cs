using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Purchasing;

/// <summary>A purchase order as the shop and its supplier see it.</summary>
/// <param name="PurchaseOrderId">The purchase-order number.</param>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Status">Where it stands with the supplier.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="RequestedDeliveryDate">The earliest requested line date.</param>
/// <param name="OrderedValue">The lines' cost as ordered, rounded to minor units.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Origin">Manual or from a suggestion.</param>
/// <param name="SuggestionId">The suggestion it was taken from.</param>
/// <param name="Note">The operator's note.</param>
/// <param name="OnTimeWindow">The on-time window its lines are judged by.</param>
/// <param name="Chargebacks">The chargeback rates it was placed under.</param>
/// <param name="Lines">Its lines.</param>
public sealed record PurchaseOrderView(
    string PurchaseOrderId,
    string SupplierId,
    PurchaseOrderStatus Status,
    string Currency,
    DateOnly RequestedDeliveryDate,
    Money OrderedValue,
    DateTimeOffset CreatedAt,
    PurchaseOrderOrigin Origin,
    string? SuggestionId,
    string? Note,
    OnTimeWindow OnTimeWindow,
    ChargebackRates Chargebacks,
    IReadOnlyList<PurchaseOrderLineView> Lines)
{
    /// <summary>The view of <paramref name="order"/>.</summary>
    public static PurchaseOrderView From(PurchaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new PurchaseOrderView(
            order.Id.Value,
            order.SupplierId,
            order.Status,
            order.Currency,
            order.RequestedDeliveryDate,
            MoneyRounding.Round(order.OrderedValue),
            order.CreatedAt,
            order.Source.Origin,
            order.Source.Reference,
            order.Note,
            order.Terms.Window,
            order.Terms.Chargebacks,
            [.. order.Lines.Select(l => new PurchaseOrderLineView(
                l.LineNumber, l.Sku.Value, l.Quantity, l.UnitCost, l.RequestedDate, l.Acknowledgement?.Answer, l.AcceptedQuantity, l.Eta,
                l.Acknowledgement?.Reason, l.Commitment?.Quantity, l.Commitment?.Eta,
                l.Commitment is null ? null : PurchaseOrderLots.LotId(order.Id, l.LineNumber)))]);
    }
}
