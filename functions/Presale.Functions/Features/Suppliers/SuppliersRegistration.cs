using Microsoft.Extensions.Options;
using Presale.Adapters.Secrets;
using Presale.Application.Security;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Functions.Host;

namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// Registers the suppliers feature (<c>Presale:Suppliers</c>, validated at start): the supplier registry, webhook
/// secrets and their encryption, webhook authentication, the supplier event ledger and the scorecard query. The
/// scorecard depends on <see cref="ISupplierLotHistory"/> (reconciliation's) and the shop settings (orders'), which
/// those features register.
/// </summary>
public static class SuppliersRegistration
{
    /// <summary>Adds the suppliers feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddSuppliers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var standalone = HostingMode.Resolve(builder.Configuration).IsStandalone;
        var services = builder.Services;
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
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SuppliersOptions>>().Value);
        services.AddSingleton<ISecretProtector>(sp =>
        {
            var options = sp.GetRequiredService<SuppliersOptions>();
            return new AesGcmSecretProtector(options.SecretEncryptionKey!, options.PreviousSecretEncryptionKeys);
        });
        services.AddSingleton(sp => new SupplierRegistry(
            sp.GetRequiredService<ITableStore>(),
            sp.GetRequiredService<ISecretProtector>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SuppliersOptions>()));
        services.AddSingleton(sp => new SupplierWebhookAuthenticator(
            sp.GetRequiredService<SupplierRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SuppliersOptions>()));
        services.AddSingleton(sp => new SupplierEventLedger(
            sp.GetRequiredService<ITableStore>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SupplierScorecardQuery(
            sp.GetRequiredService<SupplierRegistry>(),
            sp.GetRequiredService<ISupplierLotHistory>(),
            sp.GetRequiredService<Application.Shop.ShopSettingsStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<SuppliersOptions>()));
        services.AddSingleton<SupplierWebhookAuthenticationFilter>();
        services.AddHostedService<SuppliersStartupCheck>();
        return builder;
    }
}
