namespace Presale.Domain.Replenishment;

/// <summary>
/// "Order <see cref="ReplenishmentOption.Quantity"/> units of <see cref="Sku"/> from <see cref="ReplenishmentOption.SupplierId"/>
/// by <see cref="ReplenishmentOption.OrderBy"/> to keep promises", with the figures it rests on and the other suppliers' options.
/// </summary>
/// <param name="SuggestionId">A stable id for the day's suggestion (<c>{sku}|{supplier}|{yyyy-MM-dd}</c>), recorded on a purchase order made from it.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Today">The day it was computed for.</param>
/// <param name="NeedBy">The date goods must be in the warehouse: the earliest uncovered promise less handling days, or the day covered stock runs out at the current rate; null when nothing is needed by a date.</param>
/// <param name="Chosen">The option suggested.</param>
/// <param name="Alternatives">The other suppliers' options, best first.</param>
/// <param name="Explanation">The suggestion in words.</param>
public sealed record ReplenishmentSuggestion(
    string SuggestionId,
    string Sku,
    DateOnly Today,
    DateOnly? NeedBy,
    ReplenishmentOption Chosen,
    IReadOnlyList<ReplenishmentOption> Alternatives,
    string Explanation);
