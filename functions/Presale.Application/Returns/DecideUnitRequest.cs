using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>The body of <c>POST /api/returns/{id}/decision</c>: a reviewer's final decision for one unit.</summary>
/// <param name="UnitId">The unit (<c>SKU:ordinal</c>).</param>
/// <param name="Action">The final action: <c>restock</c>, <c>refurbish</c>, <c>returnToVendor</c>, <c>scrap</c>, <c>keepIt</c> for a unit never received, or <c>reject</c> (refused on inspection: not refunded).</param>
/// <param name="Reviewer">Who decides (recorded on the unit).</param>
/// <param name="Note">Why, optional (at most 1000 characters).</param>
public sealed record DecideUnitRequest(string? UnitId, TriageAction? Action, string? Reviewer, string? Note);
