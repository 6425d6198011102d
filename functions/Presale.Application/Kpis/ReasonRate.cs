namespace Presale.Application.Kpis;

/// <summary>Units returned for one reason and their share of the units sold.</summary>
/// <param name="Units">Units returned for the reason.</param>
/// <param name="Rate">Units ÷ units sold in the period; null when nothing sold.</param>
public sealed record ReasonRate(int Units, decimal? Rate);
