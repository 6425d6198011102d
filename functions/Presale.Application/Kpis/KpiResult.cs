namespace Presale.Application.Kpis;

/// <summary>The outcome of a KPI read.</summary>
/// <typeparam name="TView">What is read.</typeparam>
public abstract record KpiResult<TView>
{
    private KpiResult()
    {
    }

    /// <summary>The figures.</summary>
    public sealed record Found(TView View) : KpiResult<TView>;

    /// <summary>Bad parameters; errors keyed by the query parameter.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : KpiResult<TView>;

    /// <summary>The snapshot does not know the SKU, supplier or customer.</summary>
    public sealed record NotFound : KpiResult<TView>;

    /// <summary>No snapshot has been computed yet (the shop is new, or the timer has not run).</summary>
    public sealed record NotComputed : KpiResult<TView>;
}
