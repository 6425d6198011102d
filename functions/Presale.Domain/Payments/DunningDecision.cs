namespace Presale.Domain.Payments;

/// <summary>What dunning does next and when.</summary>
/// <param name="Action">The next action.</param>
/// <param name="At">When: the retry, the end of the grace period; null for none.</param>
/// <param name="Attempt">The failed attempts so far.</param>
public sealed record DunningDecision(DunningAction Action, DateTimeOffset? At, int Attempt);
