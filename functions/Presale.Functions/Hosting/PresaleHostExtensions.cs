using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Presale.Functions.Admin;
using Presale.Functions.Catalog;
using Presale.Functions.Invocation;
using Presale.Functions.Standalone;

namespace Presale.Functions.Hosting;

/// <summary>
/// The composition of the handler host: listening address, options, clock, function catalog, invocation contract,
/// health, key checks, standalone triggers and admin API. Features plug in beside it with one line each:
/// <c>builder.Services.AddX(...)</c> before <c>Build()</c>, <c>app.MapXApi()</c> after <see cref="UsePresaleHost"/>;
/// a health check is one <c>services.AddHealthChecks().AddCheck&lt;T&gt;(name)</c>.
/// </summary>
public static class PresaleHostExtensions
{
    /// <summary>The application setting that turns Application Insights on.</summary>
    public const string ApplicationInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Registers the host services and sets the listening URL.</summary>
    public static WebApplicationBuilder AddPresaleHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var mode = HostingMode.Resolve(configuration);
        builder.WebHost.UseUrls(mode.ListenUrl);

        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddOptions<FunctionsHostOptions>()
            .BindConfiguration(FunctionsHostOptions.SectionName)
            .PostConfigure(o => o.ScheduleTimeZone ??= NullIfEmpty(configuration["WEBSITE_TIME_ZONE"]))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FunctionsHostOptions>, FunctionsHostOptionsValidator>();
        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClockOptions>, ClockOptionsValidator>();
        services.AddOptions<QueuePumpOptions>().BindConfiguration(QueuePumpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueuePumpOptions>, QueuePumpOptionsValidator>();

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
            var folder = sp.GetRequiredService<IOptions<FunctionsHostOptions>>().Value.DefinitionsPath is { Length: > 0 } path ? path : AppContext.BaseDirectory;
            return new FunctionCatalog(FunctionDefinitionLoader.LoadDirectory(folder, setting => configuration[setting]));
        });
        services.AddSingleton<AccessGuard>();
        services.AddSingleton<ILoggerProvider, InvocationLogCapture>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ContentionExceptionHandler>();
        services.AddHealthChecks().AddCheck<FunctionCatalogHealthCheck>("functions");

        // Function timeout in host.json is 10 minutes; the host waits one more minute, and so does the self-invoker.
        services.AddHttpClient(HttpFunctionInvoker.ClientName, c => c.Timeout = TimeSpan.FromMinutes(11));
        services.AddSingleton<IFunctionInvoker, HttpFunctionInvoker>();
        services.AddSingleton<FunctionRunLocks>();
        services.AddHostedService<TimerTriggerRunner>();
        services.AddSingleton<QueueWake>();
        services.AddHostedService<QueueDeliveryPump>();
        services.AddSingleton<ManualRunQueue>();
        services.AddHostedService<ManualRunService>();

        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsSetting]))
        {
            services.AddApplicationInsightsTelemetry();
        }

        return builder;
    }

    /// <summary>Adds the middleware and the host's own endpoints: <c>GET /</c>, <c>GET /api/health</c>, invocations, admin.</summary>
    public static WebApplication UsePresaleHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Fail at start, not at the first request, when a function.json is malformed.
        app.Services.GetRequiredService<FunctionCatalog>();

        app.UseExceptionHandler();
        app.UseRouting();
        app.UseMiddleware<FunctionKeyMiddleware>();

        // The Functions host polls GET / until the handler answers.
        app.MapGet("/", () => Results.Ok()).ExcludeFromDescription();
        app.MapHealthChecks("/api/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        app.MapInvocationEndpoints();
        if (app.Services.GetRequiredService<HostingMode>().IsStandalone)
        {
            app.MapAdminEndpoints();
        }

        return app;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
