namespace Presale.Application.Returns;

/// <summary>The outcome of a return intake.</summary>
public abstract record CreateReturnResult
{
    private CreateReturnResult()
    {
    }

    /// <summary>Accepted (at least one line eligible): created now, or earlier under the same key (<paramref name="Replayed"/>).</summary>
    public sealed record Created(ReturnView Return, bool Replayed) : CreateReturnResult;

    /// <summary>Nothing is eligible: every reason, per line. Nothing was stored; the same request may be sent again later.</summary>
    public sealed record NotEligible(EligibilityView Eligibility) : CreateReturnResult;

    /// <summary>A field is wrong (each error names it).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CreateReturnResult;

    /// <summary>The idempotency key was used for another request.</summary>
    public sealed record KeyReused : CreateReturnResult;

    /// <summary>No such order.</summary>
    public sealed record OrderNotFound : CreateReturnResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : CreateReturnResult;
}
