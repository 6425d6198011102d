namespace Presale.Application.Orders;

/// <summary>A quote: per line the promise that an order placed now would get. Nothing is reserved.</summary>
/// <param name="QuotedOn">The shop-local date the quote was made on.</param>
/// <param name="Lines">The lines.</param>
public sealed record QuoteView(DateOnly QuotedOn, IReadOnlyList<QuoteLineView> Lines);
