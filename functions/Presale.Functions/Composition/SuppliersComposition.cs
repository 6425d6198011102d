using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Adapters.Secrets;
using Presale.Application.Security;
using Presale.Application.Suppliers;

namespace Presale.Functions.Composition;

/// <summary>
/// Registers the supplier registry, webhook authentication, event ledger and scorecard query with their options
/// (<see cref="SuppliersOptions"/>). The storage port and <see cref="ISupplierLotHistory"/> come from their own features.
/// </summary>
public static class SuppliersComposition
{
    /// <summary>Registers the suppliers feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddSuppliers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var standalone = IsStandalone(builder.Configuration);
        var services = builder.Services;

        // The host feature registers the app's one clock; this only fills in when it has not.
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SuppliersOptions>()
            .BindConfiguration(SuppliersOptions.SectionName)
            .PostConfigure(o =>
            {
                // Only a process without the Functions host around may fall back to the public development key.
                if (standalone && string.IsNullOrWhiteSpace(o.SecretEncryptionKey))
                {
                    o.SecretEncryptionKey = SuppliersOptions.DevelopmentSecretEncryptionKey;
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SuppliersOptions>>(new SuppliersOptionsValidator(standalone));
        services.AddSingleton<ISecretProtector>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SuppliersOptions>>().Value;
            return new AesGcmSecretProtector(options.SecretEncryptionKey!, options.PreviousSecretEncryptionKeys);
        });
        services.AddSingleton(sp => new SupplierRegistry(
            sp.GetRequiredService<Application.Storage.ITableStore>(),
            sp.GetRequiredService<ISecretProtector>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SuppliersOptions>>().Value));
        services.AddSingleton(sp => new SupplierWebhookAuthenticator(
            sp.GetRequiredService<SupplierRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SuppliersOptions>>().Value));
        services.AddSingleton(sp => new SupplierEventLedger(
            sp.GetRequiredService<Application.Storage.ITableStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SupplierScorecardQuery(
            sp.GetRequiredService<SupplierRegistry>(),
            sp.GetRequiredService<ISupplierLotHistory>(),
            sp.GetRequiredService<Application.Shop.ShopSettingsStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SuppliersOptions>>().Value));
        services.AddSingleton<Apis.SupplierWebhookAuthenticationFilter>();
        services.AddHostedService<SuppliersStartupCheck>();
        return builder;
    }

    /// <summary>True without the Functions host (the host feature's <see cref="Hosting.HostingMode"/> decides it).</summary>
    internal static bool IsStandalone(IConfiguration configuration) => Hosting.HostingMode.Resolve(configuration).IsStandalone;
}
