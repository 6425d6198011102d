using Presale.Application.Storage;

namespace Presale.Application.Settlement;

/// <summary>The latest closed statement of a supplier (row <c>statement-head</c>): its period and the version to move it on under.</summary>
/// <param name="Period">The period id of the latest closed statement.</param>
/// <param name="PeriodEnd">Its last day.</param>
/// <param name="ETag">The row's version.</param>
public sealed record StatementHead(string Period, DateOnly PeriodEnd, ETag ETag);
