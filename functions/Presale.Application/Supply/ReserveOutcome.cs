namespace Presale.Application.Supply;

/// <summary>The outcome of reserving one order line.</summary>
public abstract record ReserveOutcome
{
    private ReserveOutcome()
    {
    }

    /// <summary>The line holds its units (now or from an earlier attempt of the same order).</summary>
    public sealed record Reserved(Reservation Reservation) : ReserveOutcome;

    /// <summary>Supply is short: <paramref name="Available"/> units could be had, promised no earlier than <paramref name="EarliestPromiseDate"/>.</summary>
    public sealed record Short(long Available, DateOnly? EarliestPromiseDate) : ReserveOutcome;

    /// <summary>
    /// The SKU cannot be ordered as the line asks (unknown SKU, pre-sale off, outside its window, over the per-order
    /// maximum), checked on the state each attempt read; <paramref name="Errors"/> name the fields.
    /// </summary>
    public sealed record NotOrderable(IReadOnlyDictionary<string, string[]> Errors) : ReserveOutcome;
}
