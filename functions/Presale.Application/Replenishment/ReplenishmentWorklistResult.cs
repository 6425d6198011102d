namespace Presale.Application.Replenishment;

/// <summary>The outcome of listing the replenishment work list.</summary>
public abstract record ReplenishmentWorklistResult
{
    private ReplenishmentWorklistResult()
    {
    }

    /// <summary>One page of the list.</summary>
    public sealed record Listed(ReplenishmentWorklistPage Page) : ReplenishmentWorklistResult;

    /// <summary>The shop has no settings yet (no calendar to assess demand in).</summary>
    public sealed record ShopNotConfigured : ReplenishmentWorklistResult;
}
