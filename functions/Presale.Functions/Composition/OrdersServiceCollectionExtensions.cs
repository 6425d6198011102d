using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Application.Catalog;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Outbox;
using Presale.Application.Shop;
using Presale.Application.Supply;
using Presale.Functions.Apis;
using Presale.Functions.Apis.OpenApi;
using Presale.Functions.Functions;
using Presale.Functions.Invocation;

namespace Presale.Functions.Composition;

/// <summary>
/// Registers pre-sale ordering: options (<c>Presale:Orders</c>), validators, use cases, the saga and outbox sweepers,
/// and the OpenAPI document. The storage port (<c>ITableStore</c>) and the message port (<c>IMessagePublisher</c>)
/// come from the storage adapters' registration.
/// </summary>
public static class OrdersServiceCollectionExtensions
{
    /// <summary>Adds the ordering services.</summary>
    public static IServiceCollection AddPresaleOrders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<OrdersOptions>().BindConfiguration(OrdersOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrdersOptions>, OrdersOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OrdersOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new RandomSource(new Random(RandomNumberGenerator.GetInt32(int.MaxValue))));

        services.AddSingleton<IValidator<ShopSettingsRequest>, ShopSettingsRequestValidator>();
        services.AddSingleton<IValidator<SkuSettingsRequest>, SkuSettingsRequestValidator>();
        services.AddSingleton<IValidator<StockAdjustmentRequest>, StockAdjustmentRequestValidator>();
        services.AddSingleton<IValidator<RegisterLotRequest>, RegisterLotRequestValidator>();
        services.AddSingleton<IValidator<PlaceOrderRequest>, PlaceOrderRequestValidator>();
        services.AddSingleton<IValidator<QuoteRequest>, QuoteRequestValidator>();

        // The use cases need the storage and message ports, which the adapters' registration provides (AddPresaleStorage).
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
        services.AddFunction<OrderSagaSweeper>();
        services.AddFunction<OutboxSweeper>();

        // Enums travel as camelCase strings in every answer (problem details included), as requests expect them.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.AddPresaleOpenApi();
        return services;
    }

    /// <summary>Maps the ordering routes (shop, SKUs, supplier lots, quotes, orders) and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapPresaleOrders(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapShopApi();
        app.MapSkusApi();
        app.MapSupplierLotsApi();
        app.MapQuotesApi();
        app.MapOrdersApi();
        app.MapOpenApi();
        return app;
    }
}
