namespace Presale.Application.Kpis;

/// <summary>
/// Settings of the KPI snapshots and the figures read from them (section <c>Presale:Kpis</c>; environment form
/// <c>Presale__Kpis__Property</c>), checked at start by <see cref="KpiOptionsValidator"/>. The timer's schedule is the
/// app setting <c>ComputeKpisSchedule</c>, like every timer's.
/// </summary>
public sealed class KpiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Kpis";

    /// <summary>The snapshot table. Default <c>kpis</c>.</summary>
    public string KpisTable { get; set; } = "kpis";

    /// <summary>Days after an order during which its customer counts as a customer (retention's "customers at a date"), 1–3650. Default 365.</summary>
    public int ActiveCustomerDays { get; set; } = 365;

    /// <summary>The yearly discount rate of customer lifetime value, 0–1. Default 0.10.</summary>
    public decimal DiscountRate { get; set; } = 0.10m;

    /// <summary>The customer lifespan, in years, customer lifetime value is discounted over, 0–50. Default 3.</summary>
    public decimal CustomerLifespanYears { get; set; } = 3m;

    /// <summary>The longest period one KPI request may span, in days (1–3660). Default 366.</summary>
    public int MaxRangeDays { get; set; } = 366;

    /// <summary>The period a KPI request without <c>from</c> covers, in days ending with <c>to</c> (1 – <see cref="MaxRangeDays"/>). Default 30.</summary>
    public int DefaultRangeDays { get; set; } = 30;

    /// <summary>SKUs the overview's pre-sold-against-supply list keeps, most pre-sold beyond confirmed supply first (1–500). Default 50.</summary>
    public int OverviewSkus { get; set; } = 50;
}
