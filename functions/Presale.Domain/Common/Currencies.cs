namespace Presale.Domain.Common;

/// <summary>What Presale knows about currencies beyond their ISO 4217 code.</summary>
public static class Currencies
{
    // ISO 4217 currencies without minor units: amounts in them are whole numbers.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal)
    {
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    /// <summary>
    /// The decimals a charge in <paramref name="currency"/> (upper-case ISO 4217 code) may have: none for currencies
    /// without minor units (JPY, KRW, …), otherwise two (cents).
    /// </summary>
    public static int MinorUnits(string currency) => ZeroDecimal.Contains(currency) ? 0 : 2;
}
