using FluentValidation;
using Microsoft.Extensions.Options;
using Presale.Application.Orders;
using Presale.Application.Returns;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// Registers returns (<c>Presale:Returns</c>, rules validated at start; a start-up line says whether keep-it is on):
/// order shipments (the fulfilment facts returns start from), intake, lifecycle, review queue and the
/// <c>TriageReturns</c> run. It depends on the orders' services and the notification composer, which those features
/// register.
/// </summary>
public static class ReturnsRegistration
{
    /// <summary>Adds the returns feature (one line in Program.cs).</summary>
    public static IHostApplicationBuilder AddReturns(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ReturnsOptions>().BindConfiguration(ReturnsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReturnsOptions>, ReturnsOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReturnsOptions>>().Value);
        services.AddHostedService<ReturnsStartupCheck>();

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
        return builder;
    }
}
