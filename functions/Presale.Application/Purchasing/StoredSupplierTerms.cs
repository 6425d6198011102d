using Presale.Domain.Purchasing;

namespace Presale.Application.Purchasing;

/// <summary>A supplier's terms as stored.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Request">The terms as the operator sent them (validated).</param>
/// <param name="Terms">The domain terms.</param>
/// <param name="EffectiveFrom">The shop-local day the supplier first had terms: its first settlement period contains it.</param>
/// <param name="UpdatedAt">When they were last saved.</param>
public sealed record StoredSupplierTerms(string SupplierId, SupplierTermsRequest Request, SupplierTerms Terms, DateOnly EffectiveFrom, DateTimeOffset UpdatedAt);
