namespace Presale.Application.Purchasing;

/// <summary>A volume tier of a rebate schedule.</summary>
/// <param name="FromAmount">Goods paid in a statement from which the tier applies (≥ 0, in the terms' currency).</param>
/// <param name="Rate">The tier's rate (−1 to 1).</param>
public sealed record VolumeTierRequest(decimal? FromAmount, decimal? Rate);
