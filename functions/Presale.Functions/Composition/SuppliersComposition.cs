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
    /// <summary>The variable the Functions host sets for a custom handler; its absence means standalone mode.</summary>
    internal const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Registers the suppliers feature (one line in Program.cs).</summary>
    public static WebApplicationBuilder AddSuppliers(this WebApplicationBuilder builder)
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
        services.AddHostedService<SuppliersStartupCheck>();
        return builder;
    }

    /// <summary>
    /// True without the Functions host: <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> unset and <c>Presale:Host:Mode</c> not
    /// <c>FunctionsHost</c> (the host feature's own mode detection follows the same rule).
    /// </summary>
    internal static bool IsStandalone(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = configuration["Presale:Host:Mode"];
        if (string.Equals(mode, "FunctionsHost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.Equals(mode, "Standalone", StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(configuration[CustomHandlerPortVariable]);
    }
}
