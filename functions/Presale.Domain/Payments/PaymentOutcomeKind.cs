namespace Presale.Domain.Payments;

/// <summary>What the shop's payment system reports for one charge attempt.</summary>
public enum PaymentOutcomeKind
{
    /// <summary>The money was taken.</summary>
    Captured,

    /// <summary>The amount is held on the card until it is captured or the hold expires.</summary>
    Authorised,

    /// <summary>The charge failed (with the payment system's reason code).</summary>
    Failed,
}
