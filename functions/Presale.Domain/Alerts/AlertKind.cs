namespace Presale.Domain.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A purchase order the supplier has not acknowledged in time.</summary>
    PurchaseOrderUnacknowledged = 0,

    /// <summary>A late lot puts promises at risk and another supplier could deliver sooner.</summary>
    Resourcing = 1,
}
