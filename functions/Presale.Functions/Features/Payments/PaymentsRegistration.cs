using Presale.Application.Payments;
using Presale.Functions.Host;

namespace Presale.Functions.Features.Payments;

/// <summary>
/// Registers pre-sale payments: the shop's payment settings (<c>Presale:Payments</c>, checked at start: the default
/// plan, the dunning retries and grace period, the customer's update-payment link) and the early-bird counter (its
/// table is <c>Presale:Payments:PaymentsTable</c>; storage and the random source come from the host).
/// </summary>
public static class PaymentsRegistration
{
    /// <summary>Adds the payments feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions(PaymentsOptions.SectionName, new PaymentsOptionsValidator());
        builder.Services.AddSingleton<EarlyBirdCounter>();
        return builder;
    }
}
