namespace Presale.Application.Replenishment;

/// <summary>One page of the replenishment work list, in SKU order; pass <paramref name="ContinuationToken"/> for the next.</summary>
/// <param name="Items">The SKUs of this page's candidates that have a suggestion or an open re-sourcing alert.</param>
/// <param name="ContinuationToken">Where the next page starts (the last candidate SKU assessed); null after the last.</param>
public sealed record ReplenishmentWorklistPage(IReadOnlyList<ReplenishmentWorkItem> Items, string? ContinuationToken);
