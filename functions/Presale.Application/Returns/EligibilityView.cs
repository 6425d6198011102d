using Presale.Domain.Returns.Eligibility;

namespace Presale.Application.Returns;

/// <summary>The explained eligibility decided at intake.</summary>
/// <param name="Eligible">True when at least one line is being returned.</param>
/// <param name="Reasons">Reasons against the whole request (e.g. not the order's customer).</param>
/// <param name="Lines">The decision per requested line.</param>
public sealed record EligibilityView(bool Eligible, IReadOnlyList<ReasonView> Reasons, IReadOnlyList<EligibilityLineView> Lines)
{
    /// <summary>The view of <paramref name="result"/>.</summary>
    public static EligibilityView From(EligibilityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EligibilityView(
            result.AnyEligible,
            [.. result.RequestReasons.Select(r => new ReasonView(r.Code, r.Message))],
            [.. result.Lines.Select(l => new EligibilityLineView(l.Sku.Value, l.Line.Quantity, l.Line.Reason, l.IsEligible && result.RequestReasons.Count == 0, [.. l.Reasons.Select(r => new ReasonView(r.Code, r.Message))], l.LastReturnDay))]);
    }
}
