using Presale.Domain.Common;

namespace Presale.Domain.Reconciliation;

/// <summary>A customer notification event produced by re-planning (delivered by the notifications feature).</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Sku">The SKU whose supply moved.</param>
/// <param name="Kind">What to tell the customer.</param>
/// <param name="PromiseDate">The date the customer holds (null when "unknown").</param>
/// <param name="Estimate">The revised estimate; null when unknown (always null for <see cref="PromiseNotificationKind.AtRisk"/>).</param>
public sealed record PromiseNotification(string OrderId, Sku Sku, PromiseNotificationKind Kind, DateOnly? PromiseDate, DateOnly? Estimate);
