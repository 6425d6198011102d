namespace Presale.Application.Orders;

/// <summary>The body of <c>POST /api/quotes</c>: a basket to promise dates for (nothing is reserved).</summary>
/// <param name="Lines">The basket's lines; each SKU once.</param>
public sealed record QuoteRequest(IReadOnlyList<QuoteLineRequest>? Lines);
