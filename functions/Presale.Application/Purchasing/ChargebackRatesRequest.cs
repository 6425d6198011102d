namespace Presale.Application.Purchasing;

/// <summary>Chargeback rates in a <see cref="SupplierTermsRequest"/>, fractions of the cost concerned (0.03 = 3 %).</summary>
/// <param name="LateUnits">Units delivered outside the on-time window (0–1).</param>
/// <param name="ShortUnits">Accepted units cut from a line (0–1).</param>
/// <param name="CancelledLine">An accepted line cancelled with nothing delivered (0–1).</param>
/// <param name="WaiveAboveOnTimeRate">Optional: outside-window charges are waived while the supplier's on-time-in-full rate is at least this (0–1).</param>
public sealed record ChargebackRatesRequest(decimal? LateUnits, decimal? ShortUnits, decimal? CancelledLine, decimal? WaiveAboveOnTimeRate);
