using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>What a supplier sees of its purchase orders (<c>GET /api/suppliers/{supplierId}/purchase-orders</c>).</summary>
public sealed class SupplierPurchaseOrdersQuery(PurchaseOrderStore orders)
{
    /// <summary>
    /// The supplier's open purchase orders, by id: those not yet fully settled and not rejected outright (one range query
    /// of its partition, then a point read per order). Empty for an unknown or invalid supplier id.
    /// </summary>
    public async Task<IReadOnlyList<PurchaseOrderView>> ListOpenAsync(string supplierId, CancellationToken cancellationToken)
    {
        if (Identifier.Validate(supplierId, "A supplier id") is not null)
        {
            return [];
        }

        var active = await orders.ListActiveAsync(supplierId, cancellationToken).ConfigureAwait(false);
        return [.. active.Where(o => o.Order.Status != PurchaseOrderStatus.Rejected).Select(o => PurchaseOrderView.From(o.Order)).OrderBy(o => o.PurchaseOrderId, StringComparer.Ordinal)];
    }

    /// <summary>One purchase order of the supplier, or null.</summary>
    public async Task<PurchaseOrderView?> GetAsync(string supplierId, string purchaseOrderId, CancellationToken cancellationToken) =>
        Identifier.Validate(supplierId, "A supplier id") is null && PurchaseOrderId.TryParse(purchaseOrderId, out _, out _)
            && await orders.GetAsync(supplierId, purchaseOrderId, cancellationToken).ConfigureAwait(false) is { } stored
            ? PurchaseOrderView.From(stored.Order)
            : null;
}
