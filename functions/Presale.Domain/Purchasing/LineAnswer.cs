namespace Presale.Domain.Purchasing;

/// <summary>The supplier's latest answer to a purchase-order line.</summary>
public enum LineAnswer
{
    /// <summary>It will deliver the accepted quantity at its ETA.</summary>
    Accepted = 0,

    /// <summary>It will not deliver the line (anything still outstanding on it is cancelled).</summary>
    Rejected = 1,
}
