namespace Presale.Domain.Returns;

/// <summary>What the warehouse found when it received and inspected one unit.</summary>
/// <param name="UnitId">The unit received.</param>
/// <param name="Grade">The inspected condition.</param>
/// <param name="Serial">The serial number, if the product has one.</param>
/// <param name="Notes">The inspector's notes, if any.</param>
public sealed record UnitReceipt(ReturnUnitId UnitId, ConditionGrade Grade, string? Serial = null, string? Notes = null);
