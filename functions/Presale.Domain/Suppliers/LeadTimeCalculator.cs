namespace Presale.Domain.Suppliers;

/// <summary>
/// A supplier's real lead time from its scorecard history: the policy's percentile of the days from each received
/// lot becoming known to its final receipt, over its most recently received lots; with too few of them, the default
/// registered for the supplier, else the policy's default.
/// </summary>
public static class LeadTimeCalculator
{
    /// <summary>The lead time of <paramref name="supplierId"/> from <paramref name="lots"/> (other suppliers' lots are ignored).</summary>
    public static SupplierLeadTime For(string supplierId, IEnumerable<LotHistory> lots, int? supplierDefaultDays = null, LeadTimePolicy? policy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(supplierId);
        ArgumentNullException.ThrowIfNull(lots);
        policy = (policy ?? LeadTimePolicy.Default).Validate();
        var days = lots
            .Where(l => string.Equals(l.SupplierId, supplierId, StringComparison.Ordinal) && l.LeadTimeDays is not null)
            .OrderByDescending(l => l.ReceivedOn).ThenByDescending(l => l.LotId, StringComparer.Ordinal)
            .Take(policy.LookbackLots)
            .Select(l => l.LeadTimeDays!.Value)
            .ToArray();
        if (days.Length >= policy.MinimumLots)
        {
            return new SupplierLeadTime(supplierId, Percentile.NearestRank(days, policy.Percentile), LeadTimeBasis.History, days.Length);
        }

        return supplierDefaultDays is >= 0
            ? new SupplierLeadTime(supplierId, supplierDefaultDays.Value, LeadTimeBasis.SupplierDefault, 0)
            : new SupplierLeadTime(supplierId, policy.DefaultDays, LeadTimeBasis.PolicyDefault, 0);
    }
}
