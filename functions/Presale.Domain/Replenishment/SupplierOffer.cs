using Presale.Domain.Purchasing;
using Presale.Domain.Suppliers;

namespace Presale.Domain.Replenishment;

/// <summary>A supplier that offers the SKU: its catalogue item and its real lead time.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Item">Its catalogue item (unit cost, minimum, pack).</param>
/// <param name="LeadTime">Its lead time.</param>
public sealed record SupplierOffer(string SupplierId, CatalogueItem Item, SupplierLeadTime LeadTime);
