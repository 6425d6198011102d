using Presale.Domain.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Application.Returns;

/// <summary>One unit: its receipt and its decision, with the rule or reviewer behind it.</summary>
/// <param name="UnitId">The unit (<c>SKU:ordinal</c>).</param>
/// <param name="Grade">The inspected grade, once received.</param>
/// <param name="Serial">The serial number read at receipt, if any.</param>
/// <param name="Notes">The inspector's notes, if any.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Action">What was decided, once decided (<c>manualReview</c> while it waits for a reviewer).</param>
/// <param name="DecidedBy">The basis: <c>rule 'name'</c>, <c>no rule matched</c> or <c>reviewer x</c>.</param>
/// <param name="Rule">The rule that fired, if a rule decided.</param>
/// <param name="DecidedAt">When it was decided.</param>
public sealed record ReturnUnitView(string UnitId, ConditionGrade? Grade, string? Serial, string? Notes, DateTimeOffset? ReceivedAt, TriageAction? Action, string? DecidedBy, string? Rule, DateTimeOffset? DecidedAt);
