using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>The decision on one requested line, explained.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units requested.</param>
/// <param name="Reason">The customer's reason.</param>
/// <param name="Eligible">True when the line is being returned.</param>
/// <param name="Reasons">Why not, when not (every reason).</param>
/// <param name="LastReturnDay">The last day of the line's return window, when it was delivered.</param>
public sealed record EligibilityLineView(string Sku, int Quantity, ReturnReason Reason, bool Eligible, IReadOnlyList<ReasonView> Reasons, DateOnly? LastReturnDay);
