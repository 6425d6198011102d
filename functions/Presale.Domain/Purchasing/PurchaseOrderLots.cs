using System.Globalization;

namespace Presale.Domain.Purchasing;

/// <summary>
/// Each committed purchase-order line becomes one inbound lot of the supplier, with the id
/// <c>{purchaseOrderId}-L{lineNumber}</c>: the lot carries the line's own ETA (an acknowledgement dates lines one by one),
/// its receipts are the line's deliveries and the scorecard measures the line as one lot.
/// </summary>
public static class PurchaseOrderLots
{
    private const string Separator = "-L";

    /// <summary>The lot id of line <paramref name="lineNumber"/> of <paramref name="purchaseOrderId"/>.</summary>
    public static string LotId(PurchaseOrderId purchaseOrderId, int lineNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineNumber, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{purchaseOrderId.Value}{Separator}{lineNumber}");
    }

    /// <summary>
    /// The purchase order and line a lot id names when it has the form of a purchase-order lot; whether such an order
    /// exists is for the caller to check.
    /// </summary>
    public static bool TryParse(string? lotId, out PurchaseOrderId purchaseOrderId, out int lineNumber)
    {
        purchaseOrderId = default;
        lineNumber = 0;
        var at = lotId?.LastIndexOf(Separator, StringComparison.Ordinal) ?? -1;
        return at > 0
            && int.TryParse(lotId.AsSpan(at + Separator.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber)
            && lineNumber >= 1
            && PurchaseOrderId.TryParse(lotId![..at], out purchaseOrderId, out _);
    }
}
