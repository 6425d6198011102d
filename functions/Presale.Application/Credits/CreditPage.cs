namespace Presale.Application.Credits;

/// <summary>One page of a customer's credits, in id order, and the token of the next page (null on the last).</summary>
/// <param name="Items">The credits.</param>
/// <param name="ContinuationToken">Pass back for the next page; null when there is none.</param>
public sealed record CreditPage(IReadOnlyList<CreditRecord> Items, string? ContinuationToken);
