namespace Presale.Application.Replenishment;

/// <summary>The outcome of assessing a SKU for replenishment.</summary>
public abstract record ReplenishmentResult
{
    private ReplenishmentResult()
    {
    }

    /// <summary>Assessed (with or without a suggestion).</summary>
    public sealed record Assessed(ReplenishmentView View) : ReplenishmentResult;

    /// <summary>The SKU is not a valid code; errors are keyed by field.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ReplenishmentResult;

    /// <summary>No such SKU is configured.</summary>
    public sealed record UnknownSku : ReplenishmentResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : ReplenishmentResult;
}
