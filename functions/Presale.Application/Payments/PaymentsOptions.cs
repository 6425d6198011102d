using Presale.Domain.Payments;

namespace Presale.Application.Payments;

/// <summary>
/// The shop's payment settings (section <c>Presale:Payments</c>; environment form <c>Presale__Payments__Property</c>),
/// checked at start by <see cref="PaymentsOptionsValidator"/>: the default payment plan a SKU without its own follows,
/// how a failed charge is retried and how long the customer has to fix it, and where the customer updates the payment
/// method (Presale holds no card data: the shop's payment system does).
/// </summary>
public sealed class PaymentsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Payments";

    /// <summary>The default plan: <c>FullAtOrder</c> (the default), <c>Deposit</c> or <c>PayOnShip</c>.</summary>
    public PaymentPlanKind DefaultPlan { get; set; } = PaymentPlanKind.FullAtOrder;

    /// <summary>For a <c>Deposit</c> default: the deposit as a percentage of the line (above 0, at most 99); or set <see cref="DepositPerUnit"/>.</summary>
    public decimal? DepositPercent { get; set; }

    /// <summary>For a <c>Deposit</c> default: a fixed deposit per unit in the shop's currency (above 0); or set <see cref="DepositPercent"/>.</summary>
    public decimal? DepositPerUnit { get; set; }

    /// <summary>
    /// The waits before each retry of a failed charge, counted from the failure before it (at most 10, each 1 minute to
    /// 30 days). Null: one day, then three days.
    /// </summary>
    public TimeSpan[]? RetryAfter { get; set; }

    /// <summary>How long after a charge first fails the line is kept before it is cancelled (1 hour to 60 days). Default 7 days.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The shop's page where the customer updates the payment method, an absolute https URL with the placeholder
    /// <c>{orderId}</c>: <c>https://shop.example/account/orders/{orderId}/payment</c>. Null: the customer's
    /// notice has no link and the shop chases the payment itself.
    /// </summary>
    public string? UpdatePaymentUrlTemplate { get; set; }

    /// <summary>The table of payment ledgers and early-bird counters. Default <c>payments</c>.</summary>
    public string PaymentsTable { get; set; } = "payments";

    /// <summary>The plan a SKU without its own follows.</summary>
    public PaymentPlan DefaultPaymentPlan() => DefaultPlan switch
    {
        PaymentPlanKind.PayOnShip => PaymentPlan.PayOnShip,
        PaymentPlanKind.Deposit when DepositPercent is { } percent => PaymentPlan.DepositOfPercent(percent),
        PaymentPlanKind.Deposit when DepositPerUnit is { } perUnit => PaymentPlan.DepositPerUnitOf(perUnit),
        PaymentPlanKind.Deposit => throw new InvalidOperationException($"{SectionName}:{nameof(DepositPercent)} or {nameof(DepositPerUnit)} is needed for a Deposit plan."),
        _ => PaymentPlan.FullAtOrder,
    };

    /// <summary>The dunning rules these settings describe.</summary>
    public DunningPolicy Dunning() => new(RetryAfter ?? [TimeSpan.FromDays(1), TimeSpan.FromDays(3)], GracePeriod);

    /// <summary>The customer's link to update the payment method for <paramref name="orderId"/>; null when the shop set none.</summary>
    public Uri? UpdatePaymentUrl(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return UpdatePaymentUrlTemplate is { } template
            ? new Uri(template.Replace("{orderId}", Uri.EscapeDataString(orderId), StringComparison.Ordinal), UriKind.Absolute)
            : null;
    }
}
