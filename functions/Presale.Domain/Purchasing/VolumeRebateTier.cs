namespace Presale.Domain.Purchasing;

/// <summary>A volume tier of a rebate schedule: from <paramref name="FromAmount"/> of goods paid in a statement, <paramref name="Rate"/> of them.</summary>
/// <param name="FromAmount">Goods paid in the statement (in the terms' currency) from which the tier applies, ≥ 0.</param>
/// <param name="Rate">The tier's rate, −1 to 1.</param>
public sealed record VolumeRebateTier(decimal FromAmount, decimal Rate);
