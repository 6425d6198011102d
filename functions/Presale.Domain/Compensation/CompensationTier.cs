using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>
/// One step of a compensation policy: from <see cref="FromDayLate"/> days late the order earns
/// <see cref="PercentPerPeriod"/> percent of its late lines' value for each period the tier covers, at least
/// <see cref="Minimum"/>.
/// </summary>
/// <param name="FromDayLate">The first day late (1 = the day after the promised date) on which the tier is due.</param>
/// <param name="PercentPerPeriod">Percent (5 = 5 %) of the late lines' value per started period; not negative.</param>
/// <param name="Minimum">The smallest award of this tier before the per-order cap; not negative, in the policy's currency.</param>
public sealed record CompensationTier(int FromDayLate, decimal PercentPerPeriod, Money Minimum);
