namespace Presale.Domain.Suppliers;

/// <summary>How well a supplier kept its word over the lots given (see <see cref="SupplierScorecardCalculator"/> for definitions).</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Lots">Lots considered.</param>
/// <param name="MeasuredLots">Lots that count for on-time-in-full: received, cancelled, or still open past the first ETA plus tolerance.</param>
/// <param name="OnTimeInFullLots">Measured lots received on time and in full.</param>
/// <param name="OnTimeInFull">OnTimeInFullLots / MeasuredLots; null with no measured lot.</param>
/// <param name="AverageSlipDays">Mean signed slip (final receipt minus first ETA; negative = early) of received lots; null with none.</param>
/// <param name="P50SlipDays">Nearest-rank median of those signed slips; null with none.</param>
/// <param name="P90SlipDays">Nearest-rank 90th percentile of those signed slips; null with none.</param>
/// <param name="EtaChangesPerLot">ETA updates that moved the date, per lot considered; null with no lot.</param>
/// <param name="FillRate">Units received (capped at ordered) / units ordered, over received and cancelled lots; null with none.</param>
/// <param name="CancellationRate">Cancelled lots / closed lots; null with none.</param>
/// <param name="ReturnClaimsPerLot">Return-to-vendor claims per received lot; null with none.</param>
/// <param name="Grade">The grade; null with fewer measured lots than the policy's minimum.</param>
/// <param name="SilentOverruns">Times a lot's ETA passed without full receipt or word from the supplier (each also counts in <paramref name="EtaChangesPerLot"/>).</param>
public sealed record SupplierScorecard(
    string SupplierId,
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
    SupplierGrade? Grade,
    int SilentOverruns = 0);
