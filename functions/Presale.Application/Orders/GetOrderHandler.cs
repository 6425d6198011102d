namespace Presale.Application.Orders;

/// <summary>Reads an order by id (a point read: the id names its partition).</summary>
public sealed class GetOrderHandler(OrderRepository orders)
{
    /// <summary>The order, or null when there is none with this id.</summary>
    public async Task<OrderView?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        var stored = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : OrderView.From(stored.Order);
    }
}
