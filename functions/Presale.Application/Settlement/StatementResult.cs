namespace Presale.Application.Settlement;

/// <summary>The outcome of asking for a supplier's statement.</summary>
public abstract record StatementResult
{
    private StatementResult()
    {
    }

    /// <summary>The statement: closed (stored, unchanging) or open (a preview of the running period).</summary>
    public sealed record Ready(StatementExport Export) : StatementResult;

    /// <summary>The supplier id or period is malformed; errors are keyed by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : StatementResult;

    /// <summary>The supplier has no terms, so no statements.</summary>
    public sealed record NoTerms : StatementResult;

    /// <summary>The period is before the supplier's first (the one its terms took effect in) or after the running one.</summary>
    public sealed record NoSuchPeriod(string FirstPeriod, string CurrentPeriod) : StatementResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : StatementResult;
}
