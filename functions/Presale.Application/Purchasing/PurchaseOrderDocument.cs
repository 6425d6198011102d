using System.Text.Json;
using Presale.Application.Common;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>A purchase order as stored: its snapshot with plain values (SKUs as text, costs as decimals in the order's currency).</summary>
internal sealed record PurchaseOrderDocument(
    string Id,
    string SupplierId,
    string Currency,
    OnTimeWindow Window,
    ChargebackRates Chargebacks,
    PurchaseOrderOrigin Origin,
    string? SourceReference,
    DateTimeOffset CreatedAt,
    DateOnly CreatedOn,
    string? Note,
    List<PurchaseOrderDocument.LineDocument> Lines)
{
    public static string Serialize(PurchaseOrder order)
    {
        var s = order.ToSnapshot();
        return JsonSerializer.Serialize(
            new PurchaseOrderDocument(
                s.Id.Value, s.SupplierId, s.Currency, s.Terms.Window, s.Terms.Chargebacks, s.Source.Origin, s.Source.Reference, s.CreatedAt, s.CreatedOn, s.Note,
                [.. s.Lines.Select(l => new LineDocument(l.LineNumber, l.Sku.Value, l.Quantity, l.UnitCost.Amount, l.RequestedDate, l.Commitment, l.Acknowledgement))]),
            PresaleJson.Options);
    }

    public static PurchaseOrder Deserialize(string json)
    {
        var d = JsonSerializer.Deserialize<PurchaseOrderDocument>(json, PresaleJson.Options) ?? throw new FormatException("A stored purchase order is empty.");
        return PurchaseOrder.Restore(new PurchaseOrderSnapshot(
            PurchaseOrderId.From(d.Id),
            d.SupplierId,
            d.Currency,
            new PurchaseOrderTerms(d.Window, d.Chargebacks),
            new PurchaseOrderSource(d.Origin, d.SourceReference),
            [.. d.Lines.Select(l => new PurchaseOrderLine(l.LineNumber, Sku.From(l.Sku), l.Quantity, new Money(l.UnitCost, d.Currency), l.RequestedDate, l.Commitment, l.Acknowledgement))],
            d.CreatedAt,
            d.CreatedOn,
            d.Note));
    }

    internal sealed record LineDocument(int LineNumber, string Sku, int Quantity, decimal UnitCost, DateOnly RequestedDate, LineCommitment? Commitment, LineAcknowledgement? Acknowledgement);
}
