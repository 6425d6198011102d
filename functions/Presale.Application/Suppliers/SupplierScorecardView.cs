using System.Text.Json.Serialization;
using Presale.Domain.Suppliers;

namespace Presale.Application.Suppliers;

/// <summary>
/// A supplier's scorecard as the API shows it (see docs/suppliers.md for definitions and grade thresholds). Rates are
/// fractions in [0, 1]; a figure with nothing to measure is null; the grade is null below the minimum measured lots.
/// </summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="AsOf">The shop-local date open lots were judged on.</param>
/// <param name="ToleranceDays">Days after the first promised ETA that still count as on time.</param>
/// <param name="EarlyCountsAsMiss">Whether early receipts beyond the tolerance are misses.</param>
/// <param name="Lots">Lots considered.</param>
/// <param name="MeasuredLots">Lots counted for on-time-in-full.</param>
/// <param name="OnTimeInFullLots">Measured lots received on time and in full.</param>
/// <param name="OnTimeInFull">OnTimeInFullLots / MeasuredLots.</param>
/// <param name="AverageSlipDays">Mean slip of received lots against the first ETA (negative = early).</param>
/// <param name="P50SlipDays">Nearest-rank median of those slips.</param>
/// <param name="P90SlipDays">Nearest-rank 90th percentile of those slips.</param>
/// <param name="EtaChangesPerLot">ETA updates that moved the date, per lot.</param>
/// <param name="FillRate">Units received (capped at ordered) / ordered, over closed lots.</param>
/// <param name="CancellationRate">Cancelled lots / closed lots.</param>
/// <param name="ReturnClaimsPerLot">Return-to-vendor claims per received lot.</param>
/// <param name="Grade">A–D, or null when too few lots are measured.</param>
/// <param name="MinimumLotsForGrade">Measured lots needed for a grade.</param>
/// <param name="SilentOverruns">Times a lot's ETA passed without full receipt or word from the supplier, so Presale estimated a new one (each also counts as an ETA change).</param>
public sealed record SupplierScorecardView(
    string SupplierId,
    DateOnly AsOf,
    int ToleranceDays,
    bool EarlyCountsAsMiss,
    int Lots,
    int MeasuredLots,
    int OnTimeInFullLots,
    double? OnTimeInFull,
    double? AverageSlipDays,
    int? P50SlipDays,
    int? P90SlipDays,
    double? EtaChangesPerLot,
    double? FillRate,
    double? CancellationRate,
    double? ReturnClaimsPerLot,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SupplierGrade>))] SupplierGrade? Grade,
    int MinimumLotsForGrade,
    int SilentOverruns)
{
    /// <summary>The view of a computed scorecard.</summary>
    public static SupplierScorecardView From(SupplierScorecard card, DateOnly asOf, ScorecardPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(policy);
        return new(
            card.SupplierId,
            asOf,
            policy.ToleranceDays,
            policy.EarlyCountsAsMiss,
            card.Lots,
            card.MeasuredLots,
            card.OnTimeInFullLots,
            Round(card.OnTimeInFull),
            Round(card.AverageSlipDays),
            card.P50SlipDays,
            card.P90SlipDays,
            Round(card.EtaChangesPerLot),
            Round(card.FillRate),
            Round(card.CancellationRate),
            Round(card.ReturnClaimsPerLot),
            card.Grade,
            policy.MinimumLotsForGrade,
            card.SilentOverruns);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
