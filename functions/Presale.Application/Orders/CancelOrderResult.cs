using Presale.Domain.Orders;

namespace Presale.Application.Orders;

/// <summary>The outcome of a cancellation.</summary>
public abstract record CancelOrderResult
{
    private CancelOrderResult()
    {
    }

    /// <summary>Cancelled now, or already (<paramref name="AlreadyCancelled"/>); the refund due is on the order.</summary>
    public sealed record Cancelled(OrderView Order, bool AlreadyCancelled) : CancelOrderResult;

    /// <summary>No such order.</summary>
    public sealed record NotFound : CancelOrderResult;

    /// <summary>The order is not confirmed, so there is nothing to cancel.</summary>
    public sealed record NotCancellable(OrderStatus Status) : CancelOrderResult;

    /// <summary>Every unit of the order has shipped: nothing is left to cancel (the customer returns the units instead).</summary>
    public sealed record FullyShipped(OrderView Order) : CancelOrderResult;

    /// <summary>A field is wrong.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CancelOrderResult;
}
