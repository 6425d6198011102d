namespace Presale.Domain.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind
{
    /// <summary>A purchase order the supplier has not acknowledged in time.</summary>
    PurchaseOrderUnacknowledged = 0,

    /// <summary>A late lot puts promises at risk and another supplier could deliver sooner.</summary>
    Resourcing = 1,

    /// <summary>
    /// A SKU's projected availability (on hand + inbound − reserved − demand over the supplier's lead time) is below its
    /// safety stock: order now to keep future promises.
    /// </summary>
    BelowSafetyStock = 2,

    /// <summary>A SKU has pre-sold units with no confirmed supply behind them (taken from the pre-sale cap, or left short by a lot): order to keep the promises already made.</summary>
    PreSoldBeyondSupply = 3,
}
