namespace Presale.Domain.Returns;

/// <summary>Facts about <see cref="ReturnReason"/> that refund and triage rules rely on.</summary>
public static class ReturnReasons
{
    /// <summary>
    /// True when the shop caused the return (defective, damaged in transit, wrong item, not as described, late): no
    /// restocking fee, original shipping refunded, no return-label deduction under the default refund policy.
    /// </summary>
    public static bool IsShopAtFault(this ReturnReason reason) => reason switch
    {
        ReturnReason.Defective or ReturnReason.DamagedInTransit or ReturnReason.WrongItem
            or ReturnReason.NotAsDescribed or ReturnReason.ArrivedLate => true,
        ReturnReason.ChangedMind or ReturnReason.DoesNotFit => false,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown return reason."),
    };
}
