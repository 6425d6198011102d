namespace Presale.Domain.Suppliers;

/// <summary>How many days a supplier takes from order to goods in the warehouse, and where the figure comes from.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Days">The lead time in days (≥ 0).</param>
/// <param name="Basis">History, the supplier's registered default, or the shop-wide default.</param>
/// <param name="LotsConsidered">Received lots the history figure was learned from (0 for the defaults).</param>
public sealed record SupplierLeadTime(string SupplierId, int Days, LeadTimeBasis Basis, int LotsConsidered);
