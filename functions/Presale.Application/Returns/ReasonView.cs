using Presale.Domain.Returns.Eligibility;

namespace Presale.Application.Returns;

/// <summary>Why something is not eligible: a stable code and a sentence for the customer.</summary>
/// <param name="Code">The rule that failed.</param>
/// <param name="Message">The explanation.</param>
public sealed record ReasonView(IneligibilityCode Code, string Message);
