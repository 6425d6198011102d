using Microsoft.Extensions.Options;
using Presale.Application.DelayConsent;
using Presale.Application.Reconciliation;
using Presale.Application.Suppliers;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>
/// Registers reconciliation (<c>Presale:Reconciliation</c>, validated at start): supplier ETA updates and receipts,
/// <c>ReconcileSku</c>'s run (demand index, plan writes, order notices), the supplier outbox and overdue-lot sweeps,
/// the supplier demand view and the lot history behind the scorecard (<see cref="ISupplierLotHistory"/>). It depends
/// on the orders', suppliers' and notifications' services and on an <see cref="IDelayConsentService"/> (the
/// compensation feature's), which those features register.
/// </summary>
public static class ReconciliationRegistration
{
    /// <summary>Adds the reconciliation feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddReconciliation(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReconciliationOptions>>().Value);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<LotSupplySync>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReconciliationStore>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DemandIndex>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OrderChangeNotices>(
            sp, sp.GetService<IDelayConsentService>() ?? new UnregisteredDelayConsentService()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PlanWriter>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReconcileSkuHandler>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SupplyChangedOutbox>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierLotEventHandler>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierLotsQuery>(sp));
        services.AddSingleton<ISupplierLotHistory>(sp => sp.GetRequiredService<SupplierLotsQuery>());
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierOutboxSweep>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OverdueLotSweep>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SupplierPromiseBuffers>(sp));
        return builder;
    }
}
