namespace Presale.Application.Suppliers;

/// <summary>How ending a secret rotation early ended.</summary>
public enum EndRotationStatus
{
    /// <summary>The previous secret was removed: only the current one is accepted from now on.</summary>
    Ended = 0,

    /// <summary>No such supplier.</summary>
    SupplierNotFound = 1,

    /// <summary>No previous secret is valid: there is no rotation to end.</summary>
    NoRotation = 2,
}
