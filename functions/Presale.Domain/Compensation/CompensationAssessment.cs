using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>The outcome of applying a policy to one order at one instant.</summary>
/// <param name="Status">Where the order stands.</param>
/// <param name="DaysLate">Whole local days late (0 when not late); stops counting when the order became ready.</param>
/// <param name="LateValue">The paid value of the units still waiting.</param>
/// <param name="Awards">Tiers due now and not issued before, in tier order; empty when nothing is due.</param>
/// <param name="NextTierDueOn">
/// The shop-local date the next tier becomes due, or null when no further tier can be due (order ready, cancelled,
/// every tier reached, or the cap used up). Use it to re-index the order for the next sweep.
/// </param>
public sealed record CompensationAssessment(
    CompensationStatus Status,
    int DaysLate,
    Money LateValue,
    IReadOnlyList<CompensationAward> Awards,
    DateOnly? NextTierDueOn);
