namespace Presale.Application.Returns;

/// <summary>What a returns outbox row asks to be done once its state change is committed.</summary>
public enum ReturnEffectKind
{
    /// <summary>Publish a message to a queue (a "return decided" notification).</summary>
    Publish,

    /// <summary>Add a restocked unit to its SKU's on-hand supply (idempotent per unit), then publish a reconcile message for the SKU.</summary>
    Restock,

    /// <summary>Record a supplier claim where the supplier scorecard reads it.</summary>
    SupplierClaim,

    /// <summary>A cancelled return gives its units back: remove it from the order's returned units, so they can be returned again.</summary>
    ReleaseUnits,

    /// <summary>Publish an integration event (the body is the stored event) to the event topic.</summary>
    IntegrationEvent,
}
