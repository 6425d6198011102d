using Presale.Application.Alerts;

namespace Presale.Application.Replenishment;

/// <summary>A SKU an operator should look at: its replenishment assessment and the open re-sourcing alerts naming it.</summary>
/// <param name="Sku">The SKU.</param>
/// <param name="Assessment">Supply, demand and the suggestion (null when nothing needs ordering).</param>
/// <param name="Alerts">Open re-sourcing alerts for the SKU's late lots.</param>
public sealed record ReplenishmentWorkItem(string Sku, ReplenishmentView Assessment, IReadOnlyList<AlertView> Alerts);
