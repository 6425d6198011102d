namespace Presale.Domain.Returns.Eligibility;

/// <summary>Machine-readable reasons a return request or one of its lines is not eligible.</summary>
public enum IneligibilityCode
{
    /// <summary>The requesting customer did not place the order (request level).</summary>
    NotOrderOwner = 0,

    /// <summary>The request names no line (request level).</summary>
    NoLines = 1,

    /// <summary>The SKU is not on the order.</summary>
    NotOnOrder = 2,

    /// <summary>The SKU already appears on an earlier line of the same request.</summary>
    DuplicateLine = 3,

    /// <summary>The quantity is zero or negative.</summary>
    QuantityNotPositive = 4,

    /// <summary>More units than delivered minus already returned.</summary>
    QuantityExceedsReturnable = 5,

    /// <summary>The line has not been delivered yet.</summary>
    NotDelivered = 6,

    /// <summary>The return window from delivery has closed.</summary>
    WindowClosed = 7,

    /// <summary>The catalogue marks the product non-returnable.</summary>
    ProductNotReturnable = 8,

    /// <summary>The shop's return policy excludes this SKU.</summary>
    SkuNotReturnable = 9,

    /// <summary>The shop's return policy excludes this SKU's category.</summary>
    CategoryNotReturnable = 10,
}
