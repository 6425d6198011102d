using Presale.Domain.Common;

namespace Presale.Domain.Returns;

/// <summary>One requested line: which SKU, how many units, why, and the condition the customer states.</summary>
/// <param name="Sku">The SKU, which must be on the order.</param>
/// <param name="Quantity">Units to return.</param>
/// <param name="Reason">Why the units are returned.</param>
/// <param name="StatedCondition">The condition the customer claims, if given (inspection decides).</param>
public sealed record ReturnIntakeLine(Sku Sku, int Quantity, ReturnReason Reason, ConditionGrade? StatedCondition = null);
