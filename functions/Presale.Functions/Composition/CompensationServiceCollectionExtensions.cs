using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Application.Compensation;
using Presale.Application.Credits;
using Presale.Application.DelayConsent;
using Presale.Domain.Notifications;

namespace Presale.Functions.Composition;

/// <summary>
/// Registers delay compensation and delay consent (<c>Presale:Compensation</c>): the consent flow (also as
/// <see cref="IDelayConsentService"/> for reconciliation), the credits store, the <c>CompensateLateOrders</c> and
/// <c>ExpireDelayConsents</c> timers and their routes. Needs the orders and notifications registrations.
/// </summary>
public static class CompensationServiceCollectionExtensions
{
    /// <summary>
    /// The public key standalone mode signs consent links with when none is configured (base64 of 32 bytes). It is in
    /// the repository, so it protects nothing; the start fails if it is used under the Functions host.
    /// </summary>
    public const string DevelopmentConsentLinkKey = "cHJlc2FsZS1kZXZlbG9wbWVudC1jb25zZW50LWxpbmtzIQ==";

    /// <summary>Adds the compensation feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddPresaleCompensation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var standalone = SuppliersComposition.IsStandalone(builder.Configuration);
        var services = builder.Services;
        services.AddOptions<CompensationOptions>()
            .BindConfiguration(CompensationOptions.SectionName)
            .PostConfigure(o =>
            {
                if (standalone && string.IsNullOrWhiteSpace(o.ConsentLinkKey))
                {
                    o.ConsentLinkKey = DevelopmentConsentLinkKey;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CompensationOptions>>(new CompensationOptionsValidator(standalone));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CompensationOptions>>().Value);
        services.AddHostedService<CompensationStartupCheck>();

        services.TryAddSingleton(new NotificationComposer());
        services.AddSingleton(sp => new ConsentLinks(sp.GetRequiredService<CompensationOptions>()));
        services.AddOnFirstUse<CreditStore>();
        services.AddOnFirstUse<DelayConsentStore>();
        services.AddOnFirstUse<NotificationOutbox>();
        services.AddOnFirstUse<DelayConsentService>();
        services.AddSingleton<IDelayConsentService>(sp => sp.GetRequiredService<DelayConsentService>());
        services.AddOnFirstUse<ExpireDelayConsentsSweep>();
        services.AddOnFirstUse<CompensationSweep>();
        return builder;
    }


    private static void AddOnFirstUse<T>(this IServiceCollection services)
        where T : class => services.AddSingleton(sp => ActivatorUtilities.CreateInstance<T>(sp));
}
