using Presale.Domain.Returns;

namespace Presale.Application.IntegrationEvents;

/// <summary>One unit of a <c>return.received</c> event.</summary>
/// <param name="UnitId">The unit (<c>{sku}:{n}</c>).</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Grade">The inspected condition: <c>a</c> (new), <c>b</c> (opened, good), <c>c</c> (defective), <c>d</c> (damaged).</param>
public sealed record ReturnedUnitData(string UnitId, string Sku, ConditionGrade Grade);
