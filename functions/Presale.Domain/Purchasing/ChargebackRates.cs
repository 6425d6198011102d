namespace Presale.Domain.Purchasing;

/// <summary>
/// What a supplier is charged back, as fractions of the cost of the goods concerned: units delivered outside the
/// on-time window (<paramref name="LateUnits"/>, applied to early and late units alike, like Amazon's 3 % of cost for
/// units outside the window), units the supplier cut from a line it had accepted (<paramref name="ShortUnits"/>), and
/// accepted lines it cancelled without delivering anything (<paramref name="CancelledLine"/>). When
/// <paramref name="WaiveOutsideWindowAboveOnTimeRate"/> is set, outside-window charges are waived while the supplier's
/// trailing on-time-in-full rate (its scorecard) is at least that rate (Amazon waives above 90 %).
/// </summary>
/// <param name="LateUnits">Rate for units delivered outside the window, 0–1.</param>
/// <param name="ShortUnits">Rate for accepted units cut from a line, 0–1.</param>
/// <param name="CancelledLine">Rate for an accepted line cancelled with nothing delivered, 0–1 (of the accepted units' cost).</param>
/// <param name="WaiveOutsideWindowAboveOnTimeRate">Trailing on-time-in-full rate (0–1) from which outside-window charges are waived; null: never waived.</param>
public sealed record ChargebackRates(decimal LateUnits, decimal ShortUnits, decimal CancelledLine, decimal? WaiveOutsideWindowAboveOnTimeRate = null)
{
    /// <summary>No chargebacks at all.</summary>
    public static ChargebackRates None { get; } = new(0m, 0m, 0m);
}
