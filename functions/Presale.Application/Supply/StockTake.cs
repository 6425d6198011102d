namespace Presale.Application.Supply;

/// <summary>The outcome of taking a shipment's units of one order line out of a SKU's stock.</summary>
public abstract record StockTake
{
    private StockTake()
    {
    }

    /// <summary>The units are out of stock (now, or by an earlier call for the same shipment attempt).</summary>
    public sealed record Taken : StockTake;

    /// <summary>This shipment attempt's stock was given back (its stock was refused): it is never taken.</summary>
    public sealed record GivenBack : StockTake;

    /// <summary>On hand holds <paramref name="OnHand"/> units, fewer than the shipment took: nothing was taken.</summary>
    public sealed record Short(int OnHand) : StockTake;
}
