namespace Presale.Domain.Purchasing.Settlement;

/// <summary>How long a settlement period is.</summary>
public enum SettlementPeriodKind
{
    /// <summary>Calendar months (ids <c>2026-03</c>).</summary>
    Monthly = 0,

    /// <summary>ISO weeks, Monday to Sunday (ids <c>2026-W10</c>).</summary>
    Weekly = 1,
}
