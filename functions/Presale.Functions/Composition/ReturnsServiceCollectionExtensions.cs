using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Presale.Application.Orders;
using Presale.Application.Returns;
using Presale.Domain.Notifications;

namespace Presale.Functions.Composition;

/// <summary>
/// Registers returns: options (<c>Presale:Returns</c>, rules validated at start; a start-up line says whether keep-it
/// is on), the intake, lifecycle, review queue
/// and triage use cases, the <c>TriageReturns</c> timer, and order shipments (the fulfilment facts returns start from).
/// Needs the ordering services (<c>AddPresaleOrders</c>) and the notifications options (<c>AddPresaleNotifications</c>).
/// </summary>
public static class ReturnsServiceCollectionExtensions
{
    /// <summary>Adds the returns services.</summary>
    public static IServiceCollection AddPresaleReturns(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ReturnsOptions>().BindConfiguration(ReturnsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReturnsOptions>, ReturnsOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReturnsOptions>>().Value);
        services.AddHostedService<ReturnsStartupCheck>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new NotificationComposer());

        services.AddSingleton<IValidator<RecordShipmentRequest>, RecordShipmentRequestValidator>();
        services.AddSingleton<IValidator<CreateReturnRequest>, CreateReturnRequestValidator>();
        services.AddSingleton<RecordShipmentHandler>();
        services.AddSingleton<ReturnRepository>();
        services.AddSingleton<OriginalShippingRefunds>();
        services.AddSingleton<ReturnSettlement>();
        services.AddSingleton<ReturnEffectProcessor>();
        services.AddSingleton<CreateReturnHandler>();
        services.AddSingleton<ReturnLifecycleHandler>();
        services.AddSingleton<ReviewQueueQuery>();
        services.AddSingleton<TriageReturnsRun>();
        return services;
    }
}
