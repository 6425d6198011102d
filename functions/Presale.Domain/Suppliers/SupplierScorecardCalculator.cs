namespace Presale.Domain.Suppliers;

/// <summary>
/// Computes a <see cref="SupplierScorecard"/>: on-time-in-full against the supplier's <b>first</b> promised ETA (ETA
/// changes do not move the goalposts), with a tolerance window, at lot level.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>On time: final receipt ≤ first ETA + tolerance (and ≥ first ETA − tolerance when early counts as a miss).</item>
/// <item>In full: units received ≥ units ordered (over-delivery is not a miss).</item>
/// <item>A cancelled lot is a miss; an open lot already past first ETA + tolerance on <c>today</c> is a miss (it cannot
/// be on time any more); an open lot not yet due is not measured.</item>
/// </list>
/// The grade thresholds are on <see cref="SupplierGrade"/>.
/// </remarks>
public static class SupplierScorecardCalculator
{
    /// <summary>The scorecard of <paramref name="supplierId"/> over its <paramref name="lots"/> (other suppliers' lots are ignored) as of <paramref name="today"/>.</summary>
    public static SupplierScorecard Compute(string supplierId, IEnumerable<LotHistory> lots, DateOnly today, ScorecardPolicy? policy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(supplierId);
        ArgumentNullException.ThrowIfNull(lots);
        policy = (policy ?? ScorecardPolicy.Default).Validate();

        var own = lots.Where(l => string.Equals(l.SupplierId, supplierId, StringComparison.Ordinal)).ToArray();
        int measured = 0, hits = 0, cancelled = 0, claims = 0, etaChanges = 0, silent = 0;
        long ordered = 0, received = 0;
        var slips = new List<int>();
        foreach (var lot in own)
        {
            etaChanges += lot.EffectiveEtaChanges;
            silent += lot.SilentOverruns;
            var deadline = lot.FirstPromisedEta.AddDays(policy.ToleranceDays);
            if (lot.Cancelled)
            {
                measured++;
                cancelled++;
                ordered += lot.OrderedQuantity;
                received += Math.Clamp(lot.ReceivedQuantity, 0, lot.OrderedQuantity);
            }
            else if (lot.SlipDays is { } slip)
            {
                measured++;
                slips.Add(slip);
                claims += lot.ReturnToVendorClaims;
                ordered += lot.OrderedQuantity;
                received += Math.Clamp(lot.ReceivedQuantity, 0, lot.OrderedQuantity);
                var onTime = slip <= policy.ToleranceDays && (!policy.EarlyCountsAsMiss || slip >= -policy.ToleranceDays);
                var inFull = lot.ReceivedQuantity >= lot.OrderedQuantity;
                hits += onTime && inFull ? 1 : 0;
            }
            else if (today > deadline)
            {
                measured++;
            }
        }

        var closed = slips.Count + cancelled;
        double? otif = measured == 0 ? null : (double)hits / measured;
        double? fill = ordered == 0 ? null : (double)received / ordered;
        int? p90 = slips.Count == 0 ? null : Percentile.NearestRank(slips, 0.9);
        SupplierGrade? grade = measured < policy.MinimumLotsForGrade ? null : GradeOf(otif ?? 0, fill ?? 0, p90);

        return new SupplierScorecard(
            supplierId,
            own.Length,
            measured,
            hits,
            otif,
            slips.Count == 0 ? null : slips.Average(),
            slips.Count == 0 ? null : Percentile.NearestRank(slips, 0.5),
            p90,
            own.Length == 0 ? null : (double)etaChanges / own.Length,
            fill,
            closed == 0 ? null : (double)cancelled / closed,
            slips.Count == 0 ? null : (double)claims / slips.Count,
            grade,
            silent);
    }

    /// <summary>Applies the thresholds documented on <see cref="SupplierGrade"/>.</summary>
    public static SupplierGrade GradeOf(double onTimeInFull, double fillRate, int? p90SlipDays) =>
        onTimeInFull >= 0.95 && fillRate >= 0.98 && p90SlipDays <= 2 ? SupplierGrade.A
        : onTimeInFull >= 0.85 && fillRate >= 0.95 && p90SlipDays <= 5 ? SupplierGrade.B
        : onTimeInFull >= 0.70 && fillRate >= 0.90 ? SupplierGrade.C
        : SupplierGrade.D;
}
