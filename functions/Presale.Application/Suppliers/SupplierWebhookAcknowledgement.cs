namespace Presale.Application.Suppliers;

/// <summary>
/// The body a supplier webhook answers with (HTTP 200 for every outcome: a duplicate or stale event is acknowledged,
/// so the supplier stops retrying it).
/// </summary>
/// <param name="EventId">The event.</param>
/// <param name="Outcome"><c>applied</c>, <c>duplicate</c> or <c>stale</c>.</param>
/// <param name="LastAppliedSupplierTimestamp">For <c>stale</c>, the supplier timestamp of the lot's newer applied event.</param>
public sealed record SupplierWebhookAcknowledgement(string EventId, SupplierEventOutcome Outcome, DateTimeOffset? LastAppliedSupplierTimestamp)
{
    /// <summary>The acknowledgement for <paramref name="decision"/>.</summary>
    public static SupplierWebhookAcknowledgement For(string eventId, SupplierEventDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(eventId, decision.Outcome, decision.Outcome == SupplierEventOutcome.Stale ? decision.LastAppliedSupplierTimestamp : null);
    }
}
