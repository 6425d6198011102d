namespace Presale.Domain.Common;

/// <summary>
/// The customer's segment from the shop's CRM. When supply is short, higher tiers are served first
/// (unless the shop configures strict first-come-first-served). Lower numeric value = higher priority.
/// </summary>
public enum CustomerTier
{
    /// <summary>Highest priority.</summary>
    Platinum = 0,

    /// <summary>Second priority.</summary>
    Gold = 1,

    /// <summary>Third priority.</summary>
    Silver = 2,

    /// <summary>Everyone else.</summary>
    Standard = 3,
}
