namespace Presale.Domain.Suppliers;

/// <summary>How a supplier's slip history turns into extra days on new promises.</summary>
/// <param name="Percentile">The slip percentile to cover, in (0, 1] (default 0.8: four lots in five would have arrived within the buffer).</param>
/// <param name="LookbackLots">How many most recently received lots to learn from (default 12).</param>
/// <param name="MinimumLots">Received lots needed before any buffer is added (default 5); with fewer the buffer is 0.</param>
/// <param name="MaximumDays">The largest buffer ever added (default 14), so one disastrous supplier cannot push promises out without bound.</param>
public sealed record PromiseBufferPolicy(double Percentile = 0.8, int LookbackLots = 12, int MinimumLots = 5, int MaximumDays = 14)
{
    /// <summary>The defaults: p80 of the last 12 received lots, from 5 lots, at most 14 days.</summary>
    public static PromiseBufferPolicy Default { get; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    public PromiseBufferPolicy Validate()
    {
        if (!(Percentile > 0 && Percentile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Percentile), Percentile, "The percentile is in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(LookbackLots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumLots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinimumLots, LookbackLots);
        ArgumentOutOfRangeException.ThrowIfNegative(MaximumDays);
        return this;
    }
}
