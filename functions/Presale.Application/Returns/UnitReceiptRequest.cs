using Presale.Domain.Returns;

namespace Presale.Application.Returns;

/// <summary>One unit as inspected at receipt.</summary>
/// <param name="UnitId">The unit (<c>SKU:ordinal</c>, as listed by <c>GET /api/returns/{id}</c>).</param>
/// <param name="Grade">The inspected grade: <c>a</c> new/sealed, <c>b</c> opened/good, <c>c</c> defective, <c>d</c> damaged.</param>
/// <param name="Serial">The serial number, if any (at most 100 characters).</param>
/// <param name="Notes">Inspection notes (at most 1000 characters).</param>
public sealed record UnitReceiptRequest(string? UnitId, ConditionGrade? Grade, string? Serial, string? Notes);
