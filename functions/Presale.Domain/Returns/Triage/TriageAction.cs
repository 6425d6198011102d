namespace Presale.Domain.Returns.Triage;

/// <summary>What happens to a returned unit.</summary>
public enum TriageAction
{
    /// <summary>Back on the shelf as new: becomes on-hand supply for its SKU.</summary>
    Restock = 0,

    /// <summary>Refurbish and sell as open-box.</summary>
    Refurbish = 1,

    /// <summary>Send back to the supplier under warranty; produces a <see cref="SupplierClaim"/>.</summary>
    ReturnToVendor = 2,

    /// <summary>Dispose of the unit.</summary>
    Scrap = 3,

    /// <summary>Refund without return: decided at intake, the unit is never shipped back.</summary>
    KeepIt = 4,

    /// <summary>Not final: a person decides (suspected serial returner, high value, no rule matched).</summary>
    ManualReview = 5,

    /// <summary>
    /// Refused on inspection by a reviewer (not the item sold, damaged by the customer, parts missing): nothing is
    /// refunded for the unit and it goes back to the customer. A reviewer's decision only, never a rule's.
    /// </summary>
    Reject = 6,
}
