using FluentValidation;
using Microsoft.Extensions.Options;
using Presale.Application.Catalog;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Functions.Host.Catalog;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Registers pre-sale ordering (<c>Presale:Orders</c>, validated at start, its reconcile queue against the one
/// <c>ReconcileSku</c> listens on): shop and SKU settings, supply and stock,
/// supplier lots, quotes, placement and cancellation, the saga and outbox sweepers, and the outbox every feature
/// publishes through (it lives in the orders' tables). The storage and message ports, the clock and the random
/// source come from the host.
/// </summary>
public static class OrdersRegistration
{
    /// <summary>Adds the orders feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrdersOptions>, OrdersOptionsValidator>();
        services.AddSingleton<IValidateOptions<OrdersOptions>>(sp => new ReconcileQueueValidator(sp.GetService<FunctionCatalog>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OrdersOptions>>().Value);

        services.AddSingleton<IValidator<ShopSettingsRequest>, ShopSettingsRequestValidator>();
        services.AddSingleton<IValidator<SkuSettingsRequest>, SkuSettingsRequestValidator>();
        services.AddSingleton<IValidator<StockAdjustmentRequest>, StockAdjustmentRequestValidator>();
        services.AddSingleton<IValidator<RegisterLotRequest>, RegisterLotRequestValidator>();
        services.AddSingleton<IValidator<PlaceOrderRequest>, PlaceOrderRequestValidator>();
        services.AddSingleton<IValidator<QuoteRequest>, QuoteRequestValidator>();

        services.AddSingleton<ShopSettingsStore>();
        services.AddSingleton<SupplyStore>();
        services.AddSingleton<OutboxCleanup>();
        services.AddSingleton<OrderRepository>();
        services.AddSingleton<OrderSaga>();
        services.AddSingleton<ShipmentStockStore>();
        services.AddSingleton<ShipmentSaga>();
        services.AddSingleton<OutboxPublisher>();
        services.AddSingleton<ReservationService>();
        services.AddSingleton<SkuSettingsHandler>();
        services.AddSingleton<StockAdjustmentHandler>();
        services.AddSingleton<LotRegistrationHandler>();
        services.AddSingleton<GetSupplyHandler>();
        services.AddSingleton<QuoteHandler>();
        services.AddSingleton<PlaceOrderHandler>();
        services.AddSingleton<GetOrderHandler>();
        services.AddSingleton<CancelOrderHandler>();
        services.AddSingleton<OrderSagaSweep>();
        services.AddSingleton<OutboxSweep>();
        return builder;
    }
}
