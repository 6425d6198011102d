namespace Presale.Application.Purchasing;

/// <summary>The outcome of saving a supplier's terms.</summary>
public abstract record SupplierTermsResult
{
    private SupplierTermsResult()
    {
    }

    /// <summary>Saved; <paramref name="Created"/> when the supplier had no terms before.</summary>
    public sealed record Saved(SupplierTermsView Terms, bool Created) : SupplierTermsResult;

    /// <summary>A field is wrong; errors are keyed by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SupplierTermsResult;

    /// <summary>No supplier is registered under the id.</summary>
    public sealed record UnknownSupplier : SupplierTermsResult;

    /// <summary>The shop has no settings yet (no currency or calendar).</summary>
    public sealed record ShopNotConfigured : SupplierTermsResult;
}
