namespace Presale.Domain.Purchasing.Settlement;

/// <summary>A return-to-vendor claim already credited on a statement, kept while it could still be read again.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="DecidedOn">The day it was decided (the key its index row is read by).</param>
public sealed record CreditedClaim(string ClaimId, DateOnly DecidedOn);
