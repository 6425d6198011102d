namespace Presale.Application.IntegrationEvents;

/// <summary>
/// Names of the routing properties an event carries besides its body (Service Bus application properties, for
/// subscription filters such as <c>customerId = 'c-1'</c> or <c>skus LIKE '%|SKU-1|%'</c>). A property that does not
/// apply to an event is absent.
/// </summary>
public static class IntegrationEventProperties
{
    /// <summary>The schema version of the body (an integer; see <see cref="IntegrationEvent.SchemaVersion"/>).</summary>
    public const string Version = "version";

    /// <summary>The customer the event is about (an opaque id, never contact details).</summary>
    public const string CustomerId = "customerId";

    /// <summary>The order the event is about.</summary>
    public const string OrderId = "orderId";

    /// <summary>The return the event is about.</summary>
    public const string ReturnId = "returnId";

    /// <summary>The supplier the event is about.</summary>
    public const string SupplierId = "supplierId";

    /// <summary>The lot the event is about.</summary>
    public const string LotId = "lotId";

    /// <summary>The purchase order the event is about (unique per supplier: read it with <see cref="SupplierId"/>).</summary>
    public const string PurchaseOrderId = "purchaseOrderId";

    /// <summary>For alert events: what the alert is about (<c>purchaseOrderUnacknowledged</c>, <c>resourcing</c>, <c>belowSafetyStock</c>, <c>preSoldBeyondSupply</c>).</summary>
    public const string AlertKind = "alertKind";

    /// <summary>The SKU, when the event is about exactly one.</summary>
    public const string Sku = "sku";

    /// <summary>Every SKU the event is about, as <c>|A|B|</c> (a SKU never holds <c>|</c>), so a LIKE filter matches one exactly.</summary>
    public const string Skus = "skus";

    /// <summary>For <see cref="IntegrationEventTypes.OrderDelayed"/>: true when the order is cancelled unless the customer accepts.</summary>
    public const string ConsentRequired = "consentRequired";

    /// <summary>
    /// Adds <see cref="Skus"/> for <paramref name="skus"/> to <paramref name="properties"/>, and <see cref="Sku"/> when
    /// there is exactly one.
    /// </summary>
    public static void AddSkus(IDictionary<string, object> properties, IEnumerable<string> skus)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var distinct = skus.Distinct(StringComparer.Ordinal).ToList();
        properties[Skus] = SkuList(distinct);
        if (distinct.Count == 1)
        {
            properties[Sku] = distinct[0];
        }
    }

    /// <summary>The <see cref="Skus"/> value of <paramref name="skus"/>: <c>|A|B|</c>, ordinal order, each once.</summary>
    public static string SkuList(IEnumerable<string> skus) => "|" + string.Join('|', skus.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + "|";
}
