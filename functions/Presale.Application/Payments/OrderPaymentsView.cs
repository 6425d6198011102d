namespace Presale.Application.Payments;

/// <summary>An order's payment schedule and what was paid against it, as the API shows it.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Total">What the schedule asks for: the lines plus the shipping charge.</param>
/// <param name="Paid">What was captured and not refunded.</param>
/// <param name="Owed">What the instalments still owe.</param>
/// <param name="Instalments">The instalments, in the order they fall due.</param>
/// <param name="Outcomes">The payment outcomes recorded, in the order recorded.</param>
public sealed record OrderPaymentsView(
    string OrderId,
    string Currency,
    decimal Total,
    decimal Paid,
    decimal Owed,
    IReadOnlyList<InstalmentView> Instalments,
    IReadOnlyList<PaymentOutcomeView> Outcomes);
