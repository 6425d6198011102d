using FluentValidation;
using Presale.Application.Payments;
using Presale.Functions.Host;

namespace Presale.Functions.Features.Payments;

/// <summary>
/// Registers payments: the payment settings (<c>Presale:Payments</c>, validated at start), each order's payment ledger
/// and the handler behind its routes, the <c>payment.due</c> events the reconcile and shipment paths write, and the early-bird counter that pricing at placement draws on. Orders, the shop's
/// settings, the clock and the random source come from the orders feature and the host.
/// </summary>
public static class PaymentsRegistration
{
    /// <summary>Adds the payments feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PaymentsOptions>().BindConfiguration(PaymentsOptions.SectionName).ValidateOnStartWith(new PaymentsOptionsValidator());
        services.AddSingleton<IValidator<RecordPaymentRequest>, RecordPaymentRequestValidator>();
        services.AddSingleton<EarlyBirdCounter>();
        services.AddSingleton<PaymentLedgerStore>();
        services.AddSingleton<OrderPaymentsHandler>();
        services.AddSingleton<PaymentDueEvents>();
        return builder;
    }
}
