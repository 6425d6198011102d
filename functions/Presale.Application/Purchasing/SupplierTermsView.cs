namespace Presale.Application.Purchasing;

/// <summary>A supplier's terms as stored.</summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Terms">The terms, as sent.</param>
/// <param name="EffectiveFrom">The day the supplier first had terms (its first settlement period contains it).</param>
/// <param name="UpdatedAt">When they were last saved.</param>
public sealed record SupplierTermsView(string SupplierId, SupplierTermsRequest Terms, DateOnly EffectiveFrom, DateTimeOffset UpdatedAt)
{
    /// <summary>The view of <paramref name="stored"/>.</summary>
    public static SupplierTermsView From(StoredSupplierTerms stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new SupplierTermsView(stored.SupplierId, stored.Request, stored.EffectiveFrom, stored.UpdatedAt);
    }
}
