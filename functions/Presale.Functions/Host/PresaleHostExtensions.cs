using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Presale.Application.Common;
using Presale.Functions.Host.Admin;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Health;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.Keys;
using Presale.Functions.Host.OpenApi;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Host;

/// <summary>
/// The composition of the host parts: options, the one clock, the one random source, the function catalog
/// (<c>functions.metadata</c>), health, JSON options, problem details, the OpenAPI document and, in standalone mode, what the Functions host does otherwise: HTTP routing with key
/// checks, timer triggers, queue delivery and the admin API. Features plug in beside it with one line each
/// (<c>builder.AddX()</c>, each registering only its own services); their functions need no registration: the
/// catalog finds them by their attributes.
/// </summary>
public static class PresaleHostExtensions
{
    /// <summary>The application setting that turns Application Insights on.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Registers the host services for <paramref name="mode"/>.</summary>
    public static IHostApplicationBuilder AddPresaleHost(this IHostApplicationBuilder builder, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(mode);
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddOptions<FunctionsHostOptions>()
            .BindConfiguration(FunctionsHostOptions.SectionName)
            .PostConfigure(o => o.ScheduleTimeZone ??= NullIfEmpty(configuration["WEBSITE_TIME_ZONE"]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FunctionsHostOptions>, FunctionsHostOptionsValidator>();
        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClockOptions>, ClockOptionsValidator>();

        // The one clock of the app. A configured offset shifts it in standalone mode only; a malformed offset, or one set
        // under the Functions host, is reported by ClockOptionsValidator when the host starts.
        services.AddSingleton<TimeProvider>(_ =>
        {
            var offset = configuration[$"{ClockOptions.SectionName}:{nameof(ClockOptions.Offset)}"];
            return !mode.HostSignalled && ClockOptions.TryParseOffset(offset, out var shift) && shift != TimeSpan.Zero
                ? new OffsetTimeProvider(TimeProvider.System, shift)
                : TimeProvider.System;
        });

        services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<FunctionsHostOptions>>().Value.MetadataPath is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, FunctionMetadataLoader.FileName);
            return new FunctionCatalog(FunctionMetadataLoader.Load(path, setting => configuration[setting]));
        });
        // The one source of randomness (placement shard choice, retry jitter), seeded once from the OS.
        services.AddSingleton(new RandomSource(new Random(RandomNumberGenerator.GetInt32(int.MaxValue))));

        // One JSON setup for every answer (problem details included): enums as camelCase strings, as requests expect
        // them, and no null members.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddProblemDetails();
        services.AddPresaleOpenApi();
        services.AddHealthChecks().AddCheck<FunctionCatalogHealthCheck>("functions");

        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]))
        {
            services.AddApplicationInsightsTelemetry();
        }

        return builder;
    }

    /// <summary>
    /// Registers what serves the functions without a Functions host: key checks, timer triggers, queue delivery and the
    /// admin API (the triggers stay idle when <see cref="HostingMode"/> says a host is present).
    /// </summary>
    public static IHostApplicationBuilder AddStandaloneServer(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        {
            // host.json's extensions.queues first, as the Functions host reads it; Presale:QueuePump overrides.
            services.AddSingleton<IConfigureOptions<QueuePumpOptions>>(new HostJsonQueueSettings(HostJsonQueueSettings.DefaultPath));
            services.AddOptions<QueuePumpOptions>().BindConfiguration(QueuePumpOptions.SectionName).ValidateOnStart();
            services.AddSingleton<IValidateOptions<QueuePumpOptions>, QueuePumpOptionsValidator>();
            services.AddSingleton<AccessGuard>();
            services.AddExceptionHandler<RetryLaterExceptionHandler>();
            services.AddSingleton<IFunctionInvoker, FunctionInvoker>();
            services.AddSingleton<FunctionRunLocks>();
            services.AddHostedService<TimerTriggerRunner>();
            services.AddSingleton<QueueWake>();
            services.AddHostedService<QueueDeliveryPump>();
            services.AddSingleton<ManualRunQueue>();
            services.AddHostedService<ManualRunService>();
        }

        return builder;
    }

    /// <summary>
    /// Standalone mode: the middleware and the endpoints the Functions host provides otherwise: every HTTP function of
    /// the catalog under <c>/api</c> with its key check, <c>GET /</c>, <c>/openapi/v1.json</c> and the admin API.
    /// </summary>
    public static WebApplication UsePresaleStandalone(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Fail at start, not at the first request, when functions.metadata is malformed.
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();

        app.UseExceptionHandler();
        app.UseMiddleware<StorageBudgetMiddleware>();
        app.UseRouting();
        app.UseMiddleware<FunctionKeyMiddleware>();

        // Framework answers without a body (415 from content-type matching, 405) become problem details as well.
        app.UseStatusCodePages();

        app.MapGet("/", () => Results.Ok()).ExcludeFromDescription();
        app.MapHttpFunctions(catalog);
        app.MapOpenApi();
        app.MapAdminEndpoints();
        return app;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
