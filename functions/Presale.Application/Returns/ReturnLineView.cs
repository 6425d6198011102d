using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>A line being returned.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Category">Its category.</param>
/// <param name="Quantity">Units returned.</param>
/// <param name="UnitPrice">The price paid per unit.</param>
/// <param name="DeliveredOn">When the line was delivered.</param>
/// <param name="Reason">The customer's reason.</param>
/// <param name="StatedCondition">The condition the customer stated, if any.</param>
/// <param name="Units">The unit ids (<c>SKU:ordinal</c>) to name in receipts and decisions.</param>
public sealed record ReturnLineView(string Sku, string Category, int Quantity, decimal UnitPrice, DateOnly DeliveredOn, ReturnReason Reason, ConditionGrade? StatedCondition, IReadOnlyList<string> Units);
