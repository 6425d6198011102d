namespace Presale.Domain.Returns.Eligibility;

/// <summary>One reason something is not eligible: a code for programs and a sentence for people.</summary>
/// <param name="Code">The machine-readable reason.</param>
/// <param name="Message">The explanation shown to the customer.</param>
public sealed record Ineligibility(IneligibilityCode Code, string Message);
