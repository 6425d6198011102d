using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Settlement;

/// <summary>What a statement of one supplier is computed from, as read from storage.</summary>
/// <param name="Lines">The lines of its active purchase orders.</param>
/// <param name="Claims">Its return-to-vendor claims of the look-back.</param>
/// <param name="FinishedPurchaseOrders">Active orders every line of which is finished by the period's end: they leave the active index when the statement closes.</param>
public sealed record SettlementFacts(IReadOnlyList<SettlementLineFacts> Lines, IReadOnlyList<ReturnClaimFact> Claims, IReadOnlyList<string> FinishedPurchaseOrders);
