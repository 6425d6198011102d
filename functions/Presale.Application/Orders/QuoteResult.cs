namespace Presale.Application.Orders;

/// <summary>The outcome of a quote.</summary>
public abstract record QuoteResult
{
    private QuoteResult()
    {
    }

    /// <summary>Quoted.</summary>
    public sealed record Quoted(QuoteView Quote) : QuoteResult;

    /// <summary>A field is wrong.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : QuoteResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : QuoteResult;
}
