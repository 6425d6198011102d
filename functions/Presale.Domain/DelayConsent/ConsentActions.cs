namespace Presale.Domain.DelayConsent;

/// <summary>What a consent link lets its holder do.</summary>
[Flags]
public enum ConsentActions
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Accept the pending delay.</summary>
    Accept = 1,

    /// <summary>Cancel the order for a full refund.</summary>
    Cancel = 2,
}
