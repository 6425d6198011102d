namespace Presale.Domain.Payments;

/// <summary>How a line is paid for: all at order, a deposit now and the balance when ready to ship, or all on ship.</summary>
public enum PaymentPlanKind
{
    /// <summary>The whole line is charged when the order is placed.</summary>
    FullAtOrder,

    /// <summary>A deposit is charged at order; the balance when the line is ready to ship.</summary>
    Deposit,

    /// <summary>Nothing is charged until the line ships.</summary>
    PayOnShip,
}
