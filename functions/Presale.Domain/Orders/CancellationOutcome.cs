namespace Presale.Domain.Orders;

/// <summary>What asking an order to cancel did.</summary>
public enum CancellationOutcome
{
    /// <summary>The order was confirmed and is now cancelled, with its refund due.</summary>
    Cancelled,

    /// <summary>The order was already cancelled: nothing changed.</summary>
    AlreadyCancelled,

    /// <summary>The order is not confirmed (pending, rejected or abandoned): there is nothing to cancel.</summary>
    NotCancellable,

    /// <summary>Every unit of the order has shipped: nothing is left to cancel (the customer returns the units instead).</summary>
    FullyShipped,
}
