using System.Globalization;
using Presale.Domain.Common;

namespace Presale.Domain.Payments;

/// <summary>
/// One amount the customer owes on one line and the day it is expected to fall due. At-order instalments (full,
/// deposit) are due on the order day; a balance falls due once its line is ready to ship and an on-ship instalment
/// once its line ships — the date is the line's current estimate, so it moves when the promise moves.
/// </summary>
/// <param name="LineNumber">The order line it pays for.</param>
/// <param name="Kind">What it pays for.</param>
/// <param name="Amount">The amount, in the order's currency and its minor units.</param>
/// <param name="DueOn">The shop-local day it is expected to fall due.</param>
public sealed record Instalment(int LineNumber, InstalmentKind Kind, Money Amount, DateOnly DueOn)
{
    /// <summary>The instalment's id within its order, stable across re-plans (line number and kind): "2-balance".</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{LineNumber}-{Kind.ToString().ToLowerInvariant()}");

    /// <summary>True for an instalment charged at order (full or deposit).</summary>
    public bool AtOrder => Kind is InstalmentKind.Full or InstalmentKind.Deposit;

    /// <summary>
    /// Whether the instalment can be charged for a line at <paramref name="progress"/>: at-order ones always, a balance
    /// once the line is ready to ship, an on-ship one only once the line has shipped.
    /// </summary>
    public bool CanFallDue(LineProgress progress) => Kind switch
    {
        InstalmentKind.Balance => progress >= LineProgress.ReadyToShip,
        InstalmentKind.OnShip => progress == LineProgress.Shipped,
        _ => true,
    };
}
