using Microsoft.Extensions.Options;
using Presale.Application.Compensation;
using Presale.Application.Credits;
using Presale.Application.DelayConsent;
using Presale.Functions.Host;

namespace Presale.Functions.Features.Compensation;

/// <summary>
/// Registers delay compensation and delay consent (<c>Presale:Compensation</c>, validated at start): the consent flow
/// (also as <see cref="IDelayConsentService"/>, which reconciliation depends on), signed consent links, the credits
/// store and the <c>CompensateLateOrders</c> and <c>ExpireDelayConsents</c> sweeps. It depends on the orders' and
/// notifications' services, which those features register.
/// </summary>
public static class CompensationRegistration
{
    /// <summary>
    /// The public key standalone mode signs consent links with when none is configured (base64 of 32 bytes). It is in
    /// the repository, so it protects nothing; the start fails if it is used under the Functions host.
    /// </summary>
    public const string DevelopmentConsentLinkKey = "cHJlc2FsZS1kZXZlbG9wbWVudC1jb25zZW50LWxpbmtzIQ==";

    /// <summary>Adds the compensation feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddCompensation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var standalone = HostingMode.Resolve(builder.Configuration).IsStandalone;
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
