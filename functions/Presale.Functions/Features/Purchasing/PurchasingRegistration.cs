using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Presale.Application.Alerts;
using Presale.Application.IntegrationEvents;
using Presale.Application.Purchasing;
using Presale.Application.Replenishment;
using Presale.Application.Settlement;

using Presale.Functions.Host;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Registers purchasing and settlement: the options <c>Presale:Purchasing</c>, <c>Presale:Replenishment</c> and
/// <c>Presale:Alerts</c> (checked at start), supplier terms, purchase orders and their signed acknowledgements,
/// statements, replenishment, re-sourcing and alerts, and the publisher of their integration events. What other
/// features register is used, not registered again: the table store, lot registration, supplier events and their
/// outbox, the event ledger, the supplier registry and lot history, shop settings, supply, the orders, suppliers,
/// returns and events options, and the clock.
/// </summary>
public static class PurchasingRegistration
{
    /// <summary>Adds the purchasing feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddPurchasing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PurchasingOptions>().BindConfiguration(PurchasingOptions.SectionName).ValidateOnStartWith(new PurchasingOptionsValidator());
        services.AddOptions<ReplenishmentOptions>().BindConfiguration(ReplenishmentOptions.SectionName).ValidateOnStartWith(new ReplenishmentOptionsValidator());
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateOnStartWith(new AlertsOptionsValidator());

        services.AddSingleton<IValidator<SupplierTermsRequest>, SupplierTermsRequestValidator>();
        services.AddSingleton<IValidator<CreatePurchaseOrderRequest>, CreatePurchaseOrderRequestValidator>();
        services.AddSingleton<IValidator<AcknowledgePurchaseOrderRequest>, AcknowledgePurchaseOrderRequestValidator>();

        services.TryAddSingleton<OutboxEventPublisher>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<SupplierTermsStore>();
        services.AddSingleton<PurchaseOrderStore>();
        services.AddSingleton<SkuDemandReader>();
        services.AddSingleton<SupplierLeadTimes>();
        services.AddSingleton<SupplierOffers>();
        services.AddSingleton<RequestedDates>();
        services.AddSingleton<SupplierTermsHandler>();
        services.AddSingleton<CreatePurchaseOrderHandler>();
        services.AddSingleton<PurchaseOrderLotSync>();
        services.AddSingleton<PurchaseOrderFollowUp>();
        services.AddSingleton<AcknowledgePurchaseOrderHandler>();
        services.AddSingleton<PurchaseOrderSweep>();
        services.AddSingleton<SupplierPurchaseOrdersQuery>();
        services.AddSingleton<SettlementFactsReader>();
        services.AddSingleton<StatementStore>();
        services.AddSingleton<SupplierGrades>();
        services.AddSingleton<SupplierStatementHandler>();
        services.AddSingleton<SettlementSweep>();
        services.AddSingleton<ReplenishmentQuery>();
        services.AddSingleton<ReplenishmentWorklistQuery>();
        services.AddSingleton<ResourcingSweep>();
        services.AddSingleton<InventoryAlertSweep>();
        return builder;
    }
}
