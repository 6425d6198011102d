namespace Presale.Application.Returns;

/// <summary>The outcome of a return intake.</summary>
public abstract record CreateReturnResult
{
    private CreateReturnResult()
    {
    }

    /// <summary>
    /// Recorded: approved when a line is eligible, rejected (with every reason) when none is; created now, or earlier
    /// under the same key (<paramref name="Replayed"/>).
    /// </summary>
    public sealed record Created(ReturnView Return, bool Replayed) : CreateReturnResult;

    /// <summary>A field is wrong (each error names it).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CreateReturnResult;

    /// <summary>The idempotency key was used for another request.</summary>
    public sealed record KeyReused : CreateReturnResult;

    /// <summary>No such order. Nothing was stored.</summary>
    public sealed record OrderNotFound : CreateReturnResult;

    /// <summary>The order was placed by another customer. Nothing was stored.</summary>
    public sealed record NotOrderOwner : CreateReturnResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : CreateReturnResult;
}
