namespace Presale.Domain.Orders;

/// <summary>Where an order is in its life. Later stages (at risk, ready to ship, shipped) follow confirmation.</summary>
public enum OrderStatus
{
    /// <summary>Accepted for processing; its lines are being reserved. Not yet promised to the customer.</summary>
    Pending,

    /// <summary>Every line is reserved and promised; the customer has the promise.</summary>
    Confirmed,

    /// <summary>Refused at placement (supply short or a SKU not orderable); nothing is reserved.</summary>
    Rejected,

    /// <summary>Placement did not finish in time; whatever it reserved has been or is being released.</summary>
    Abandoned,

    /// <summary>Cancelled after confirmation; the reservation is released and a refund is due.</summary>
    Cancelled,
}
