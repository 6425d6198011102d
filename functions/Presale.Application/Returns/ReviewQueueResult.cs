namespace Presale.Application.Returns;

/// <summary>The outcome of listing returns by status.</summary>
public abstract record ReviewQueueResult
{
    private ReviewQueueResult()
    {
    }

    /// <summary>A page.</summary>
    public sealed record Listed(ReviewQueuePage Page) : ReviewQueueResult;

    /// <summary>A query parameter is wrong (each error names it).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ReviewQueueResult;
}
