namespace Presale.Domain.Kpis;

/// <summary>
/// Customer lifetime value as the shop's planning formula gives it: average order value × orders per customer ×
/// retention ÷ (1 + discount rate)^lifespan. A deliberately simple figure (no margin, one discount step over the
/// whole lifespan) that the shop compares period to period, not a valuation.
/// </summary>
public static class CustomerLifetimeValue
{
    /// <summary>The formula; null when retention is unknown (no customers at the period's start).</summary>
    public static decimal? Compute(decimal averageOrderValue, decimal ordersPerCustomer, decimal? retention, decimal discountRate, decimal lifespanYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(averageOrderValue);
        ArgumentOutOfRangeException.ThrowIfNegative(ordersPerCustomer);
        ArgumentOutOfRangeException.ThrowIfNegative(discountRate);
        ArgumentOutOfRangeException.ThrowIfNegative(lifespanYears);
        if (retention is not { } kept)
        {
            return null;
        }

        var discount = (decimal)Math.Pow(1d + (double)discountRate, (double)lifespanYears);
        return averageOrderValue * ordersPerCustomer * kept / discount;
    }

    /// <summary>
    /// Retention = (customers at the period's end − new customers in the period) ÷ customers at its start; null with
    /// no customers at the start. A customer counts at a date while active (an order within the activity window), so
    /// the figure falls as customers lapse; it can only be negative for a period longer than that window.
    /// </summary>
    public static decimal? Retention(long customersAtEnd, long newCustomers, long customersAtStart)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customersAtEnd);
        ArgumentOutOfRangeException.ThrowIfNegative(newCustomers);
        ArgumentOutOfRangeException.ThrowIfNegative(customersAtStart);
        return customersAtStart == 0 ? null : (customersAtEnd - newCustomers) / (decimal)customersAtStart;
    }
}
