namespace Presale.Application.Reconciliation;

/// <summary>How one SKU reconciliation ended.</summary>
public enum ReconcileOutcome
{
    /// <summary>The SKU was re-planned and its changed orders written.</summary>
    Reconciled = 0,

    /// <summary>No such SKU: nothing to do.</summary>
    UnknownSku = 1,

    /// <summary>The shop is not configured yet (no time zone to plan in): nothing to do.</summary>
    ShopNotConfigured = 2,

    /// <summary>A later plan of the SKU was already being written; it covers everything this one would have.</summary>
    Superseded = 3,
}
