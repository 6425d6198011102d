using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.Json;
using Presale.Adapters.IntegrationEvents;
using Presale.Functions.Features.Compensation;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Features.Operations;
using Presale.Functions.Features.Orders;
using Presale.Functions.Features.Payments;
using Presale.Functions.Features.Purchasing;
using Presale.Functions.Features.Reconciliation;
using Presale.Functions.Features.Returns;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using Presale.Functions.Host.Storage;

// Started by the Functions host (it passes --functions-uri): the isolated worker, triggered and guarded by the host.
// Otherwise standalone mode: the same functions served as an ASP.NET Core app with its own triggers and key checks.
if (HostingMode.IsStartedByFunctionsHost(args))
{
    Program.CreateWorker(args).Run();
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

/// <summary>The composition root; public so integration tests can host the app.</summary>
public partial class Program
{
    /// <summary>
    /// The isolated worker, built as the Functions host starts it; <c>Run</c> connects it to the host. Built but not
    /// run, it lets a test look at what the worker would serve.
    /// </summary>
    internal static IHost CreateWorker(string[] args)
    {
        var worker = FunctionsApplication.CreateBuilder(args);
        worker.ConfigureFunctionsWebApplication();
        worker.UseMiddleware<RetryLaterWorkerMiddleware>();
        AddFeatures(worker, HostingMode.Resolve(worker.Configuration));
        worker.Services.AddSingleton<RetryLaterExceptionHandler>();

        // The functions are the host's to route; their endpoint descriptions still feed the OpenAPI document.
        worker.Services.AddFunctionEndpointDescriptions();
        return worker.Build();
    }

    // The host parts, the storage and event adapters, then one line per feature; a feature registers only its own
    // services (a test fails otherwise), and its functions are found by their attributes.
    private static void AddFeatures(IHostApplicationBuilder builder, HostingMode mode)
    {
        builder.AddPresaleHost(mode);
        builder.Services.AddPresaleStorage(builder.Configuration);
        builder.Services.AddIntegrationEvents(builder.Configuration);
        builder.AddOrders();
        builder.AddPayments();
        builder.AddSuppliers();
        builder.AddReconciliation();
        builder.AddNotifications();
        builder.AddCompensation();
        builder.AddReturns();
        builder.AddPurchasing();
        builder.AddOperations();
    }
}

