using Presale.Domain.Common;

namespace Presale.Domain.Returns.Refunds;

/// <summary>The restocking fee charged (possibly zero) for one unit, and the rule that set it.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="Grade">Its inspected grade; null for a kept unit.</param>
/// <param name="RuleName">The fee rule that matched; null when none did (no fee).</param>
/// <param name="Percent">The fee percentage applied.</param>
/// <param name="Amount">The fee, rounded to cents.</param>
public sealed record RestockingFeeCharge(ReturnUnitId UnitId, ConditionGrade? Grade, string? RuleName, decimal Percent, Money Amount);
