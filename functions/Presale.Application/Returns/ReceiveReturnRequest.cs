namespace Presale.Application.Returns;

/// <summary>The body of <c>POST /api/returns/{id}/receipt</c>: the units that arrived, as inspected.</summary>
/// <param name="Receipts">One entry per unit.</param>
public sealed record ReceiveReturnRequest(IReadOnlyList<UnitReceiptRequest?>? Receipts);
