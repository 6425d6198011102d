namespace Presale.Domain.Suppliers;

/// <summary>
/// Learns a reliability-aware promise buffer from a supplier's slip history: the policy's percentile (default p80)
/// of the lateness of its last N received lots, where lateness is the slip against the first promised ETA with early
/// arrivals counted as 0 (so a supplier late in one lot of twelve gets no buffer at p80), capped, and 0 with too little
/// history.
/// </summary>
public static class PromiseBufferCalculator
{
    /// <summary>The buffer for <paramref name="supplierId"/> from <paramref name="lots"/> (other suppliers' lots, open and cancelled lots are ignored).</summary>
    public static PromiseBuffer For(string supplierId, IEnumerable<LotHistory> lots, PromiseBufferPolicy? policy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(supplierId);
        ArgumentNullException.ThrowIfNull(lots);
        policy = (policy ?? PromiseBufferPolicy.Default).Validate();

        var lateness = lots
            .Where(l => string.Equals(l.SupplierId, supplierId, StringComparison.Ordinal) && l.SlipDays is not null)
            .OrderByDescending(l => l.ReceivedOn).ThenByDescending(l => l.LotId, StringComparer.Ordinal)
            .Take(policy.LookbackLots)
            .Select(l => Math.Max(0, l.SlipDays!.Value))
            .ToArray();

        if (lateness.Length < policy.MinimumLots)
        {
            return new PromiseBuffer(supplierId, 0, PromiseBufferBasis.InsufficientHistory, policy.Percentile, lateness.Length, 0);
        }

        var uncapped = Percentile.NearestRank(lateness, policy.Percentile);
        return uncapped > policy.MaximumDays
            ? new PromiseBuffer(supplierId, policy.MaximumDays, PromiseBufferBasis.Capped, policy.Percentile, lateness.Length, uncapped)
            : new PromiseBuffer(supplierId, uncapped, PromiseBufferBasis.SlipHistory, policy.Percentile, lateness.Length, uncapped);
    }
}
