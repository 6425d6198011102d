namespace Presale.Domain.Compensation;

/// <summary>How a shop pays delay compensation.</summary>
public enum CompensationKind
{
    /// <summary>A coupon the customer redeems on a later purchase.</summary>
    Coupon = 0,

    /// <summary>Store credit added to the customer's balance.</summary>
    StoreCredit = 1,
}
