using Presale.Domain.Common;

namespace Presale.Domain.Compensation;

/// <summary>A tier already paid for an order (read back from storage); its amount counts against the per-order cap.</summary>
/// <param name="Tier">The tier number, 1-based.</param>
/// <param name="Amount">What was paid.</param>
public sealed record IssuedCompensation(int Tier, Money Amount);
