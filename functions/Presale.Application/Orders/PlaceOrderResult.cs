namespace Presale.Application.Orders;

/// <summary>The outcome of placing an order. <c>Replayed</c> marks the stored answer to an earlier request with the same key.</summary>
public abstract record PlaceOrderResult
{
    private PlaceOrderResult()
    {
    }

    /// <summary>Confirmed: every line reserved and promised.</summary>
    public sealed record Placed(OrderView Order, bool Replayed) : PlaceOrderResult;

    /// <summary>A field is wrong; nothing is reserved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors, bool Replayed) : PlaceOrderResult;

    /// <summary>Supply is short for at least one line; nothing is reserved. Every line's availability is listed.</summary>
    public sealed record Short(string OrderId, IReadOnlyList<LineAvailability> Lines, bool Replayed) : PlaceOrderResult;

    /// <summary>The idempotency key was used with a different request.</summary>
    public sealed record KeyReused : PlaceOrderResult;

    /// <summary>An earlier placement with this key did not finish and was abandoned; place again with a new key.</summary>
    public sealed record Abandoned(string OrderId) : PlaceOrderResult;

    /// <summary>The shop has no settings yet.</summary>
    public sealed record ShopNotConfigured : PlaceOrderResult;
}
