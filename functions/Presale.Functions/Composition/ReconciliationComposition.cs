using Microsoft.Extensions.Options;
using Presale.Application.DelayConsent;
using Presale.Application.Reconciliation;
using Presale.Application.Suppliers;

namespace Presale.Functions.Composition;

/// <summary>
/// Registers supplier ETA updates and receipts, SKU reconciliation (<c>ReconcileSku</c>), the supplier outbox sweeper,
/// the overdue-lot sweeper,
/// the supplier demand view and the lot history behind the scorecard (<c>Presale:Reconciliation</c>). Needs the orders,
/// suppliers and notifications features, and an <c>IDelayConsentService</c> (registered by the delay-consent feature).
/// </summary>
public static class ReconciliationComposition
{
    /// <summary>Adds the reconciliation services.</summary>
    public static IServiceCollection AddPresaleReconciliation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReconciliationOptions>>().Value);
        services.AddSingleton<IValidateOptions<Application.Orders.OrdersOptions>>(sp => new ReconcileQueueValidator(sp.GetService<Catalog.FunctionCatalog>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SuppliersOptions>>().Value);
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
        return services;
    }
}
