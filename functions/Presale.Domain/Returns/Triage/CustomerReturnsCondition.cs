namespace Presale.Domain.Returns.Triage;

/// <summary>Holds when the customer made at least <paramref name="AtLeast"/> other returns in the last <paramref name="WithinDays"/> days.</summary>
/// <param name="WithinDays">The look-back window in days, today included (1 = today only).</param>
/// <param name="AtLeast">The smallest number of earlier returns that satisfies the condition.</param>
public sealed record CustomerReturnsCondition(int WithinDays, int AtLeast);
