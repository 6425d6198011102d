using Presale.Domain.Common;

namespace Presale.Domain.Returns.Eligibility;

/// <summary>The verdict on one requested line.</summary>
/// <param name="Line">The requested line, as submitted.</param>
/// <param name="Reasons">Every reason the line is not eligible; empty when it is.</param>
/// <param name="LastReturnDay">The last shop-local day of the line's return window, when the line was delivered.</param>
public sealed record LineEligibility(ReturnIntakeLine Line, IReadOnlyList<Ineligibility> Reasons, DateOnly? LastReturnDay)
{
    /// <summary>The SKU of the line.</summary>
    public Sku Sku => Line.Sku;

    /// <summary>True when nothing stands against the line (request-level problems are reported separately).</summary>
    public bool IsEligible => Reasons.Count == 0;
}
