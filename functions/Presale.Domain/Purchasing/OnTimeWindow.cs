namespace Presale.Domain.Purchasing;

/// <summary>
/// Which deliveries count as on time: from <paramref name="DaysEarly"/> days before the reference date to
/// <paramref name="DaysLate"/> days after it, both inclusive (Walmart's must-arrive-by window treats early as a miss
/// too; a supplier with no early limit gets a large <paramref name="DaysEarly"/>).
/// </summary>
/// <param name="DaysEarly">Days before the reference still on time (0–365).</param>
/// <param name="DaysLate">Days after the reference still on time (0–365).</param>
/// <param name="Reference">What the window is measured against.</param>
public sealed record OnTimeWindow(int DaysEarly, int DaysLate, OnTimeReference Reference)
{
    /// <summary>The widest tolerance accepted either side.</summary>
    public const int MaxDays = 365;

    /// <summary>The first and last on-time dates around <paramref name="reference"/>.</summary>
    public (DateOnly From, DateOnly To) Around(DateOnly reference) => (reference.AddDays(-DaysEarly), reference.AddDays(DaysLate));
}
