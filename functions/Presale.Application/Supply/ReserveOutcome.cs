using Presale.Domain.Supply;

namespace Presale.Application.Supply;

/// <summary>The outcome of reserving one order line.</summary>
public abstract record ReserveOutcome
{
    private ReserveOutcome()
    {
    }

    /// <summary>The line holds its units (now or from an earlier attempt) with this promise.</summary>
    public sealed record Reserved(LinePromise Promise) : ReserveOutcome;

    /// <summary>Supply is short: <paramref name="Available"/> units could be had, promised no earlier than <paramref name="EarliestPromiseDate"/>.</summary>
    public sealed record Short(long Available, DateOnly? EarliestPromiseDate) : ReserveOutcome;

    /// <summary>The SKU does not exist (any more).</summary>
    public sealed record UnknownSku : ReserveOutcome;
}
