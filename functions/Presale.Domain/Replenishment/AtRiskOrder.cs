namespace Presale.Domain.Replenishment;

/// <summary>An order line waiting on a late lot whose promise the lot can no longer keep.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="LineNumber">Its line.</param>
/// <param name="Units">Units it waits for on the lot.</param>
/// <param name="PromisedOn">The date the customer was promised.</param>
public sealed record AtRiskOrder(string OrderId, int LineNumber, int Units, DateOnly PromisedOn);
