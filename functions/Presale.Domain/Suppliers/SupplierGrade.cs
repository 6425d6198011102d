namespace Presale.Domain.Suppliers;

/// <summary>
/// A supplier's grade on keeping its word. Thresholds (all conditions of a grade must hold; the best grade that holds
/// wins):
/// <list type="bullet">
/// <item><b>A</b>: on-time-in-full ≥ 95 %, fill rate ≥ 98 %, p90 slip ≤ 2 days.</item>
/// <item><b>B</b>: on-time-in-full ≥ 85 %, fill rate ≥ 95 %, p90 slip ≤ 5 days.</item>
/// <item><b>C</b>: on-time-in-full ≥ 70 %, fill rate ≥ 90 %.</item>
/// <item><b>D</b>: anything worse.</item>
/// </list>
/// A supplier with fewer measured lots than <see cref="ScorecardPolicy.MinimumLotsForGrade"/> is not graded.
/// </summary>
public enum SupplierGrade
{
    /// <summary>Keeps its word: OTIF ≥ 95 %, fill ≥ 98 %, p90 slip ≤ 2 days.</summary>
    A = 0,

    /// <summary>Mostly reliable: OTIF ≥ 85 %, fill ≥ 95 %, p90 slip ≤ 5 days.</summary>
    B = 1,

    /// <summary>Often late or short: OTIF ≥ 70 %, fill ≥ 90 %.</summary>
    C = 2,

    /// <summary>Unreliable.</summary>
    D = 3,
}
