namespace Presale.Application.Payments;

/// <summary>One instalment of an order's payment schedule as the API shows it.</summary>
/// <param name="Id">The instalment's id (line number and kind, stable across re-plans): <c>2-balance</c>.</param>
/// <param name="LineNumber">The order line it pays for.</param>
/// <param name="Kind"><c>full</c>, <c>deposit</c> (both due at order), <c>balance</c> (due when the line is ready to ship) or <c>onShip</c> (due when it ships).</param>
/// <param name="Amount">What it asks for (the shipping charge rides on the first charge at order).</param>
/// <param name="DueOn">The shop-local day it is expected to fall due: the line's current estimate for a balance or on-ship instalment, so it moves when the promise moves.</param>
/// <param name="Captured">What was captured for it.</param>
/// <param name="Outstanding">What it still owes.</param>
/// <param name="Chargeable">True once it can be charged: at-order instalments always, a balance once its line is ready to ship, an on-ship one once its line has shipped.</param>
/// <param name="FailedAttempts">Failed charges since its last capture.</param>
/// <param name="AuthorisationExpiresAt">Set when the latest authorisation hold lapses before the instalment falls due: the shop must re-authorise.</param>
public sealed record InstalmentView(
    string Id,
    int LineNumber,
    string Kind,
    decimal Amount,
    DateOnly DueOn,
    decimal Captured,
    decimal Outstanding,
    bool Chargeable,
    int FailedAttempts,
    DateTimeOffset? AuthorisationExpiresAt);
