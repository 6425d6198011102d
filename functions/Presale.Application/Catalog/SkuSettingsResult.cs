namespace Presale.Application.Catalog;

/// <summary>The outcome of saving a SKU's settings.</summary>
public abstract record SkuSettingsResult
{
    private SkuSettingsResult()
    {
    }

    /// <summary>Saved; <paramref name="Created"/> when the SKU is new.</summary>
    public sealed record Saved(SkuSettingsView Settings, bool Created) : SkuSettingsResult;

    /// <summary>A field is wrong.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : SkuSettingsResult;

    /// <summary>The new cap is below the units already sold from the cap.</summary>
    public sealed record CapBelowReserved(long Reserved) : SkuSettingsResult;
}
