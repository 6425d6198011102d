using System.Text.Json.Serialization;
using Presale.Domain.Suppliers;

namespace Presale.Application.Purchasing;

/// <summary>
/// Rebate rates by scorecard grade (each −1 to 1; a grade left out earns nothing). A closed set of members, so an unknown
/// grade (<c>"E"</c>) is refused like any unknown member, naming it (<c>rebates.byGrade.E</c>).
/// </summary>
/// <param name="A">Rate for grade A.</param>
/// <param name="B">Rate for grade B.</param>
/// <param name="C">Rate for grade C.</param>
/// <param name="D">Rate for grade D.</param>
public sealed record GradeRatesRequest(
    [property: JsonPropertyName("A")] decimal? A = null,
    [property: JsonPropertyName("B")] decimal? B = null,
    [property: JsonPropertyName("C")] decimal? C = null,
    [property: JsonPropertyName("D")] decimal? D = null)
{
    /// <summary>The rates given, by grade.</summary>
    public IReadOnlyDictionary<SupplierGrade, decimal> ToDictionary()
    {
        var rates = new Dictionary<SupplierGrade, decimal>();
        foreach (var (grade, rate) in new[] { (SupplierGrade.A, A), (SupplierGrade.B, B), (SupplierGrade.C, C), (SupplierGrade.D, D) })
        {
            if (rate is { } value)
            {
                rates[grade] = value;
            }
        }

        return rates;
    }
}
