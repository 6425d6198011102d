using Presale.Domain.Common;

namespace Presale.Domain.Purchasing.Settlement;

/// <summary>How one purchase-order line stands at the end of a statement's period, with its on-time-in-full verdict once it is closed.</summary>
/// <param name="PurchaseOrderId">The order.</param>
/// <param name="LineNumber">The line.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="UnitCost">Its unit cost.</param>
/// <param name="Ordered">Units ordered.</param>
/// <param name="Committed">Units the supplier first accepted.</param>
/// <param name="Delivered">Units delivered up to the period's end.</param>
/// <param name="Paid">Units paid up to the period's end (at most the units ordered).</param>
/// <param name="OnTimeUnits">Paid units delivered inside the window.</param>
/// <param name="EarlyUnits">Paid units delivered before it.</param>
/// <param name="LateUnits">Paid units delivered after it.</param>
/// <param name="ShortUnits">Accepted units cut.</param>
/// <param name="CancelledLineUnits">Accepted units of the line cancelled with nothing delivered.</param>
/// <param name="WindowFrom">First on-time day, when known.</param>
/// <param name="WindowTo">Last on-time day, when known.</param>
/// <param name="Closed">True when the line expects nothing more.</param>
/// <param name="OnTimeInFull">For a closed line: every paid unit on time and the units ordered all paid; null while open.</param>
public sealed record StatementLine(
    string PurchaseOrderId,
    int LineNumber,
    string Sku,
    Money UnitCost,
    int Ordered,
    int Committed,
    int Delivered,
    int Paid,
    int OnTimeUnits,
    int EarlyUnits,
    int LateUnits,
    int ShortUnits,
    int CancelledLineUnits,
    DateOnly? WindowFrom,
    DateOnly? WindowTo,
    bool Closed,
    bool? OnTimeInFull);
