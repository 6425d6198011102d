using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Settlement;

/// <summary>
/// A statement as exported (JSON, and CSV rendered from it): <c>closed</c> with the instant it was closed, or
/// <c>open</c> for a period still running (a preview computed on request, never stored). A closed statement's JSON is
/// stored as written and served byte for byte; it never changes.
/// </summary>
/// <param name="Status"><c>closed</c> or <c>open</c>.</param>
/// <param name="ClosedAt">When it was closed; null while open.</param>
/// <param name="Statement">The statement.</param>
public sealed record SupplierStatementDocument(string Status, DateTimeOffset? ClosedAt, SupplierStatement Statement)
{
    /// <summary>Status of a closed statement.</summary>
    public const string Closed = "closed";

    /// <summary>Status of a preview of a running period.</summary>
    public const string Open = "open";
}
