namespace Presale.Application.Supply;

/// <summary>The outcome of registering a lot.</summary>
public abstract record LotRegistrationResult
{
    private LotRegistrationResult()
    {
    }

    /// <summary>Registered now (<paramref name="Created"/>) or earlier with the same content.</summary>
    public sealed record Registered(LotView Lot, bool Created) : LotRegistrationResult;

    /// <summary>A field is wrong.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : LotRegistrationResult;

    /// <summary>The supplier already has a different lot with this id.</summary>
    public sealed record Conflict : LotRegistrationResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : LotRegistrationResult;
}
