namespace Presale.Application.Storage;

/// <summary>
/// One page of a query. A page may be empty and still carry a continuation token; the query is finished only when
/// <see cref="ContinuationToken"/> is null.
/// </summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Items, string? ContinuationToken);
