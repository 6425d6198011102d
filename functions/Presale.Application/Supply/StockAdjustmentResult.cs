namespace Presale.Application.Supply;

/// <summary>The outcome of a stock adjustment.</summary>
public abstract record StockAdjustmentResult
{
    private StockAdjustmentResult()
    {
    }

    /// <summary>Applied now, or earlier under the same key (<paramref name="Replayed"/>).</summary>
    public sealed record Applied(SupplyView Supply, bool Replayed) : StockAdjustmentResult;

    /// <summary>No such SKU.</summary>
    public sealed record UnknownSku : StockAdjustmentResult;

    /// <summary>A field is wrong (for example on hand would go below zero).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : StockAdjustmentResult;

    /// <summary>On hand would drop below the units already promised from it.</summary>
    public sealed record BelowReserved(long Reserved, int OnHandAfter) : StockAdjustmentResult;

    /// <summary>The idempotency key was used for a different adjustment.</summary>
    public sealed record KeyReused : StockAdjustmentResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : StockAdjustmentResult;
}
