using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Application.Alerts;
using Presale.Application.Kpis;
using Presale.Application.Purchasing;
using Presale.Application.Replenishment;

namespace Presale.Functions.Features.Operations;

/// <summary>
/// Registers the operations feature: KPI snapshots (<c>Presale:Kpis</c>, the <c>ComputeKpis</c> timer, the KPI routes)
/// and the operations console (<c>Presale:Console</c>, its pages and sign-in). It reads through the services the
/// orders, suppliers, returns, compensation and purchasing features register.
/// </summary>
public static class OperationsRegistration
{
    /// <summary>Adds the operations feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<KpiOptions>().BindConfiguration(KpiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KpiOptions>>(new FluentOptionsValidator<KpiOptions>(new KpiOptionsValidator()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<KpiOptions>>().Value);
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleOptions>>(new FluentOptionsValidator<ConsoleOptions>(new ConsoleOptionsValidator()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConsoleOptions>>().Value);
        services.AddSingleton<ConsoleAccess>();
        AddOnFirstUse<KpiSnapshotStore>(services);
        AddOnFirstUse<KpiFactsReader>(services);
        AddOnFirstUse<KpiSnapshotRun>(services);
        AddOnFirstUse<KpiQuery>(services);

        // Purchasing's stores and queries, until the purchasing feature registers them itself: drop this block then.
        services.TryAddSingleton(sp => Bind<PurchasingOptions>(sp, PurchasingOptions.SectionName));
        services.TryAddSingleton(sp => Bind<AlertsOptions>(sp, AlertsOptions.SectionName));
        services.TryAddSingleton(sp => Bind<ReplenishmentOptions>(sp, ReplenishmentOptions.SectionName));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierTermsStore>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<AlertStore>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SkuDemandReader>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierLeadTimes>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierOffers>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReplenishmentQuery>(sp));
        return builder;
    }

    private static T Bind<T>(IServiceProvider services, string section)
        where T : new()
    {
        var options = new T();
        services.GetRequiredService<IConfiguration>().GetSection(section).Bind(options);
        return options;
    }

    private static void AddOnFirstUse<T>(IServiceCollection services)
        where T : class => services.AddSingleton(sp => ActivatorUtilities.CreateInstance<T>(sp));

    // A FluentValidation validator as the options validator run at start: every message names its setting.
    private sealed class FluentOptionsValidator<T>(IValidator<T> validator) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var result = validator.Validate(options);
            return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors.Select(e => e.ErrorMessage));
        }
    }
}
