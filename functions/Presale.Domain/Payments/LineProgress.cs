namespace Presale.Domain.Payments;

/// <summary>How far an order line has come, which decides which of its instalments can fall due.</summary>
public enum LineProgress
{
    /// <summary>Not ready to ship yet (waiting for supply).</summary>
    Waiting,

    /// <summary>Its units are on hand and allocated: it can ship.</summary>
    ReadyToShip,

    /// <summary>Units of it have shipped.</summary>
    Shipped,
}
