namespace Presale.Domain.Purchasing.Settlement;

/// <summary>
/// What a supplier's closed statements settled so far: per purchase-order line still in play its <see cref="LinePosition"/>,
/// and the return claims credited recently enough to be read again. Stored with each closed statement; the next
/// statement starts from it.
/// </summary>
/// <param name="Lines">Lines of purchase orders not yet finished.</param>
/// <param name="CreditedClaims">Claims credited within the claim look-back.</param>
public sealed record SettlementPosition(IReadOnlyList<LinePosition> Lines, IReadOnlyList<CreditedClaim> CreditedClaims)
{
    /// <summary>Before the first statement.</summary>
    public static SettlementPosition Empty { get; } = new([], []);
}
