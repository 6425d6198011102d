namespace Presale.Domain.Returns.Eligibility;

/// <summary>The explained eligibility of a whole return request.</summary>
/// <param name="RequestReasons">Problems with the request as a whole (ownership, no lines); any makes every line ineligible.</param>
/// <param name="Lines">The verdict per requested line, in request order.</param>
public sealed record EligibilityResult(IReadOnlyList<Ineligibility> RequestReasons, IReadOnlyList<LineEligibility> Lines)
{
    /// <summary>True when the request as a whole may proceed and at least one line is eligible.</summary>
    public bool AnyEligible => RequestReasons.Count == 0 && Lines.Any(l => l.IsEligible);

    /// <summary>Every reason against the request and its lines, in order, as one text (the rejection shown to the customer).</summary>
    public string Explanation => string.Join(" ", RequestReasons.Concat(Lines.SelectMany(l => l.Reasons)).Select(r => r.Message));

    /// <summary>The lines that may be returned (none when the request itself is refused).</summary>
    public IEnumerable<LineEligibility> EligibleLines => RequestReasons.Count == 0 ? Lines.Where(l => l.IsEligible) : [];
}
