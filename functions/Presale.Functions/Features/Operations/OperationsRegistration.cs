using Presale.Application.Kpis;
using Presale.Functions.Host;

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
        services.AddOptions<KpiOptions>().BindConfiguration(KpiOptions.SectionName).ValidateOnStartWith(new KpiOptionsValidator());
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.SectionName).ValidateOnStartWith(new ConsoleOptionsValidator());
        services.AddSingleton<ConsoleAccess>();
        AddOnFirstUse<KpiSnapshotStore>(services);
        AddOnFirstUse<KpiFactsReader>(services);
        AddOnFirstUse<KpiSnapshotRun>(services);
        AddOnFirstUse<KpiQuery>(services);

        return builder;
    }

    private static void AddOnFirstUse<T>(IServiceCollection services)
        where T : class => services.AddSingleton(sp => ActivatorUtilities.CreateInstance<T>(sp));
}
