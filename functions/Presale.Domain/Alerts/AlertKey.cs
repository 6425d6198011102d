using Presale.Domain.Purchasing;

namespace Presale.Domain.Alerts;

/// <summary>
/// The key an alert is raised under: one open alert per key, so raising the same condition again changes nothing
/// until it is cleared. Keys are built from ids that follow the identifier rules, so they are valid storage keys.
/// </summary>
public static class AlertKey
{
    /// <summary>The key prefix of unacknowledged purchase-order alerts.</summary>
    public const string UnacknowledgedPrefix = "po-unacknowledged|";

    /// <summary>The alert of purchase order <paramref name="purchaseOrderId"/> of <paramref name="supplierId"/> waiting for its acknowledgement.</summary>
    public static string Unacknowledged(string supplierId, PurchaseOrderId purchaseOrderId) => $"{UnacknowledgedPrefix}{supplierId}|{purchaseOrderId}";

    /// <summary>The key prefix of re-sourcing alerts.</summary>
    public const string ResourcingPrefix = "resourcing|";

    /// <summary>The key prefix of the re-sourcing alerts of lot <paramref name="lotId"/> of <paramref name="supplierId"/> (one per SKU).</summary>
    public static string ResourcingLotPrefix(string supplierId, string lotId) => $"{ResourcingPrefix}{supplierId}|{lotId}|";

    /// <summary>The re-sourcing alert of lot <paramref name="lotId"/> of <paramref name="supplierId"/> for <paramref name="sku"/>.</summary>
    public static string Resourcing(string supplierId, string lotId, string sku) => ResourcingLotPrefix(supplierId, lotId) + sku;

    /// <summary>The key prefix of below-safety-stock alerts.</summary>
    public const string BelowSafetyStockPrefix = "safety-stock|";

    /// <summary>The below-safety-stock alert of <paramref name="sku"/> (one per SKU, whichever supplier it names).</summary>
    public static string BelowSafetyStock(string sku) => BelowSafetyStockPrefix + sku;

    /// <summary>The key prefix of pre-sold-beyond-supply alerts.</summary>
    public const string PreSoldBeyondSupplyPrefix = "presold|";

    /// <summary>The pre-sold-beyond-supply alert of <paramref name="sku"/> (one per SKU).</summary>
    public static string PreSoldBeyondSupply(string sku) => PreSoldBeyondSupplyPrefix + sku;
}
