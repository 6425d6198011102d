namespace Presale.Domain.Replenishment;

/// <summary>A late lot that puts promises at risk, and the best other supplier that could still keep some of them.</summary>
/// <param name="SupplierId">The late lot's supplier.</param>
/// <param name="LotId">The lot.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="LotEta">The lot's ETA now.</param>
/// <param name="AtRisk">The orders waiting on the lot whose promise it would miss (beyond the tolerance).</param>
/// <param name="Best">The other supplier that saves the most of them (then arrives first, then costs least).</param>
/// <param name="Explanation">The alert's text.</param>
public sealed record ResourcingAdvice(string SupplierId, string LotId, string Sku, DateOnly LotEta, IReadOnlyList<AtRiskOrder> AtRisk, ResourcingOption Best, string Explanation);
