namespace Presale.Application.Purchasing;

/// <summary>The rebate schedule in a <see cref="SupplierTermsRequest"/>: a rate per scorecard grade plus volume tiers; positive rates reward the supplier, negative ones are rebates it grants the shop.</summary>
/// <param name="ByGrade">Rate per grade (<c>A</c>–<c>D</c>, −1 to 1).</param>
/// <param name="VolumeTiers">Volume tiers (at most 20, distinct starting amounts).</param>
public sealed record RebateScheduleRequest(GradeRatesRequest? ByGrade, IReadOnlyList<VolumeTierRequest>? VolumeTiers);
