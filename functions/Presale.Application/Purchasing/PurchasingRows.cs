using System.Globalization;

namespace Presale.Application.Purchasing;

/// <summary>
/// The layout of the purchasing table. A supplier's partition (<c>supplier|{supplierId}</c>) holds everything that
/// must change together: its terms, purchase orders, their indexes, the acknowledgement ledger, settlement statements
/// and the outbox, so each change is one entity-group transaction and every read is a point read or a range of one
/// partition. The SKU partitions (<c>sku|{sku}</c>) index which suppliers offer a SKU.
/// </summary>
internal static class PurchasingRows
{
    /// <summary>The supplier's terms.</summary>
    public const string Terms = "terms";

    /// <summary>Purchase-order documents: <c>po|{purchaseOrderId}</c>.</summary>
    public const string PurchaseOrderPrefix = "po|";

    /// <summary>Purchase orders not yet fully settled: <c>active|{purchaseOrderId}</c> (the supplier's open orders and the settlement's working set).</summary>
    public const string ActivePrefix = "active|";

    /// <summary>When an unacknowledged order alerts: <c>ackdue|{due ticks}|{purchaseOrderId}</c>, removed once it is acknowledged.</summary>
    public const string AcknowledgementDuePrefix = "ackdue|";

    /// <summary>Lot updates of an acknowledgement still to finish: <c>sync|{purchaseOrderId}</c>.</summary>
    public const string LotSyncPrefix = "sync|";

    /// <summary>The latest closed statement's period.</summary>
    public const string StatementHead = "statement-head";

    /// <summary>Rows of closed statements: <c>statement|{period}|d{NN}</c> (the JSON) and <c>…|p{NN}</c> (the settled position).</summary>
    public const string StatementPrefix = "statement|";

    /// <summary>The partition of <paramref name="supplierId"/>.</summary>
    public static string SupplierPartition(string supplierId) => "supplier|" + supplierId;

    /// <summary>The supplier id of a supplier partition.</summary>
    public static string SupplierOf(string partition) => partition["supplier|".Length..];

    /// <summary>The index partition of <paramref name="sku"/>.</summary>
    public static string SkuPartition(string sku) => "sku|" + sku;

    /// <summary>The row of <paramref name="supplierId"/> in a SKU's index partition.</summary>
    public static string Source(string supplierId) => "supplier|" + supplierId;

    /// <summary>The row of a purchase order.</summary>
    public static string PurchaseOrder(string purchaseOrderId) => PurchaseOrderPrefix + purchaseOrderId;

    /// <summary>The active-index row of a purchase order.</summary>
    public static string Active(string purchaseOrderId) => ActivePrefix + purchaseOrderId;

    /// <summary>The acknowledgement-due row of a purchase order due at <paramref name="due"/>.</summary>
    public static string AcknowledgementDue(DateTimeOffset due, string purchaseOrderId) =>
        AcknowledgementDuePrefix + due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + purchaseOrderId;

    /// <summary>The exclusive upper bound of acknowledgement-due rows due before <paramref name="before"/>.</summary>
    public static string AcknowledgementDueBefore(DateTimeOffset before) =>
        AcknowledgementDuePrefix + before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The lot-sync row of a purchase order.</summary>
    public static string LotSync(string purchaseOrderId) => LotSyncPrefix + purchaseOrderId;

    /// <summary>The row-key prefix of the rows of the statement of <paramref name="period"/>.</summary>
    public static string Statement(string period) => StatementPrefix + period + "|";

    /// <summary>The purchase-order id at the end of an index row key (<c>active|…</c>, <c>ackdue|…|…</c>, <c>sync|…</c>).</summary>
    public static string PurchaseOrderIdOf(string rowKey, string prefix) =>
        prefix == AcknowledgementDuePrefix ? rowKey[(prefix.Length + 20)..] : rowKey[prefix.Length..];
}
