using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.Json;
using Presale.Adapters.IntegrationEvents;
using Presale.Functions.Composition;
using Presale.Functions.Features.Operations;
using Presale.Functions.Hosting;

// Started by the Functions host (it passes --functions-uri): the isolated worker, triggered and guarded by the host.
// Otherwise standalone mode: the same functions served as an ASP.NET Core app with its own triggers and key checks.
if (HostingMode.IsStartedByFunctionsHost(args))
{
    var worker = FunctionsApplication.CreateBuilder(args);
    worker.ConfigureFunctionsWebApplication();
    worker.UseMiddleware<RetryLaterWorkerMiddleware>();
    AddFeatures(worker, HostingMode.Resolve(worker.Configuration));
    worker.Services.AddSingleton<RetryLaterExceptionHandler>();
    worker.Build().Run();
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);

// The app's own appsettings.json (schedule defaults included) wherever it is started from, below every other source.
var appSettings = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Optional = true };
appSettings.ResolveFileProvider();
builder.Configuration.Sources.Insert(0, appSettings);
var standalone = HostingMode.Resolve(builder.Configuration);
builder.WebHost.UseUrls(standalone.ListenUrl);
AddFeatures(builder, standalone);
builder.AddStandaloneServer();
var app = builder.Build();
app.UsePresaleStandalone();
app.Run();

// Features register here, one line each (storage adapters, use cases, options); their functions are found by their attributes.
static void AddFeatures(IHostApplicationBuilder builder, HostingMode mode)
{
    builder.AddPresaleHost(mode);
    builder.Services.AddPresaleStorage(builder.Configuration);
    builder.Services.AddIntegrationEvents(builder.Configuration);
    builder.AddSuppliers();
    builder.Services.AddPresaleNotifications(builder.Configuration);
    builder.Services.AddPresaleOrders();
    builder.AddPresaleCompensation();
    builder.Services.AddPresaleReturns();
    builder.Services.AddPresaleReconciliation();
    builder.AddOperations();
}

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program;
