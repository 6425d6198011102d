using Presale.Domain.Suppliers;

namespace Presale.Domain.Purchasing;

/// <summary>
/// A supplier's rebate: a rate for its scorecard grade plus the rate of the highest volume tier its statement's goods
/// reach, applied once per statement to the goods paid in it. A positive rate is a reward the shop pays on top of the
/// goods (the grade rewards keeping one's word); a negative rate is a rebate the supplier grants the shop (a volume
/// rebate, as distributors get from manufacturers). Rates are fractions, −1 to 1.
/// </summary>
/// <param name="ByGrade">Rate per grade; a grade not listed (or no grade yet) earns none.</param>
/// <param name="VolumeTiers">Volume tiers; the highest <see cref="VolumeRebateTier.FromAmount"/> reached applies.</param>
public sealed record RebateSchedule(IReadOnlyDictionary<SupplierGrade, decimal> ByGrade, IReadOnlyList<VolumeRebateTier> VolumeTiers)
{
    /// <summary>No rebate.</summary>
    public static RebateSchedule None { get; } = new(new Dictionary<SupplierGrade, decimal>(), []);

    /// <summary>The grade part of the rate for <paramref name="grade"/> (0 without a grade or a rate for it).</summary>
    public decimal GradeRate(SupplierGrade? grade) => grade is { } g && ByGrade.TryGetValue(g, out var rate) ? rate : 0m;

    /// <summary>The volume tier reached by <paramref name="goods"/>, or null.</summary>
    public VolumeRebateTier? TierFor(decimal goods) =>
        goods <= 0m ? null : VolumeTiers.Where(t => goods >= t.FromAmount).MaxBy(t => t.FromAmount);
}
