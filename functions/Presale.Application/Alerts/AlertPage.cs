namespace Presale.Application.Alerts;

/// <summary>One page of open alerts, oldest key first; pass <paramref name="ContinuationToken"/> for the next.</summary>
/// <param name="Items">The alerts.</param>
/// <param name="ContinuationToken">Where the next page starts; null after the last.</param>
public sealed record AlertPage(IReadOnlyList<AlertView> Items, string? ContinuationToken);
