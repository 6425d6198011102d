using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>One requested line.</summary>
/// <param name="Sku">The SKU of an order line.</param>
/// <param name="Quantity">Units to return.</param>
/// <param name="Reason">Why (<c>changedMind</c>, <c>doesNotFit</c>, <c>defective</c>, <c>damagedInTransit</c>, <c>wrongItem</c>, <c>notAsDescribed</c>, <c>arrivedLate</c>).</param>
/// <param name="StatedCondition">The condition the customer states (<c>a</c>–<c>d</c>), optional; inspection decides.</param>
public sealed record CreateReturnLineRequest(string? Sku, int? Quantity, ReturnReason? Reason, ConditionGrade? StatedCondition);
