using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Presale.Adapters.IntegrationEvents;
using Presale.Application.IntegrationEvents;
using Presale.Testing;

namespace Presale.Functions.Tests.Support;

/// <summary>
/// The real app in memory. Settings go in as configuration; callers appear to come from
/// <see cref="RemoteAddress"/> (loopback unless a test says otherwise).
/// </summary>
internal sealed class PresaleApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>Uses <paramref name="metadataFile"/> (default: the app's functions.metadata) and standalone triggers off.</summary>
    public PresaleApp(string? metadataFile = null)
    {
        _settings["Presale:Host:MetadataPath"] = metadataFile ?? TestDefinitions.MetadataFile;
        _settings["Presale:Host:StandaloneTriggers"] = "false";

        // Under the Functions host the supplier secret key is required; tests use a fixed, non-secret one.
        _settings["Presale:Suppliers:SecretEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        _settings["Presale:Compensation:ConsentLinkKey"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

        // A storage budget no request reaches even on a machine far busier than it should be; the tests of the budget
        // set their own.
        _settings["Presale:Storage:RequestBudget"] = "00:02:00";

        // The storage adapters talk to the Azurite the test run started (scripts/test.sh sets it).
        if (Environment.GetEnvironmentVariable("PRESALE_TEST_STORAGE") is { Length: > 0 } storage)
        {
            _settings["AzureWebJobsStorage"] = storage;
        }
    }

    private static readonly (string Setting, string Prefix)[] OwnTables =
    [
        ("Presale:Orders:ShopTable", "shop"),
        ("Presale:Orders:SupplyTable", "supply"),
        ("Presale:Orders:LotsTable", "lots"),
        ("Presale:Orders:OrdersTable", "orders"),
        ("Presale:Suppliers:SuppliersTable", "suppliers"),
        ("Presale:Returns:ReturnsTable", "returns"),
        ("Presale:Returns:SupplierClaimsTable", "claims"),
        ("Presale:Notifications:FeedTable", "feed"),
        ("Presale:Notifications:DeliveryTable", "deliveries"),
        ("Presale:Compensation:CreditsTable", "credits"),
        ("Presale:Purchasing:PurchasingTable", "purchasing"),
        ("Presale:Alerts:AlertsTable", "alerts"),
        ("Presale:Kpis:KpisTable", "kpis"),
    ];

    /// <summary>Where requests appear to come from.</summary>
    public IPAddress RemoteAddress { get; set; } = IPAddress.Loopback;

    /// <summary>
    /// The app in standalone mode with its triggers running on the Azurite at <paramref name="connectionString"/>: its
    /// own tables, its own reconcile and notification queues (so no other test's queue pump takes its messages), a
    /// queue pump that looks again within half a second, and <paramref name="functionKey"/> as the function key.
    /// </summary>
    public static PresaleApp WithTriggersOnAzurite(string connectionString, string functionKey)
    {
        var reconcileQueue = AzuriteFixture.UniqueName("reconcile");
        var notificationsQueue = AzuriteFixture.UniqueName("notify");
        return new PresaleApp(TestDefinitions.WithQueues(("reconcile", reconcileQueue), ("notifications", notificationsQueue)))
            .With("AzureWebJobsStorage", connectionString)
            .With("Presale:Host:StandaloneTriggers", "true")
            .With("Presale:Host:FunctionKey", functionKey)
            .With("Presale:QueuePump:MinIdleDelay", "00:00:00.200")
            .With("Presale:QueuePump:MaxIdleDelay", "00:00:00.500")
            .WithOwnTables()
            .With("Presale:Orders:ReconcileQueue", reconcileQueue)
            .With("Presale:Notifications:Queue", notificationsQueue);
    }

    /// <summary>
    /// Integration events on, to the topic <c>events</c>, through the real Service Bus publisher and mapping with
    /// <paramref name="bus"/> (the SDK's test double: no namespace is reachable here) as its client, on the app's clock.
    /// </summary>
    public PresaleApp WithEventsOn(FakeServiceBusClient bus, TimeProvider? time = null) =>
        With("Presale:Events:Topic", "events")
            .With("ServiceBusConnection", "Endpoint=sb://sb-test.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5")
            .WithServices(s => s.AddSingleton<IIntegrationEventPublisher>(new ServiceBusEventPublisher(() => bus, "events", TimeSpan.FromSeconds(30), time ?? TimeProvider.System)));

    /// <summary>The reconcile queue the app's orders and supply changes are sent to.</summary>
    public string ReconcileQueue => _settings["Presale:Orders:ReconcileQueue"] ?? throw new InvalidOperationException("The app has no reconcile queue of its own.");

    /// <summary>Sets a configuration value (null removes the default).</summary>
    public PresaleApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// Gives every table of the app a name of its own on the shared Azurite, so a test's rows meet no other test's and
    /// it can count what it wrote.
    /// </summary>
    public PresaleApp WithOwnTables()
    {
        foreach (var (setting, prefix) in OwnTables)
        {
            With(setting, AzuriteFixture.UniqueName(prefix));
        }

        return this;
    }

    /// <summary>
    /// Runs the app as the Functions host in Azure would: the host's endpoint given, and the settings infra-bicep writes
    /// that the app requires there (the Service Bus namespace of the event topic, a public base URL for links).
    /// Integration events stay off (no topic), so nothing is sent to Service Bus.
    /// </summary>
    public PresaleApp UnderFunctionsHost() =>
        With("Functions:Worker:HostEndpoint", "http://127.0.0.1:41234/")
            .With("ServiceBusConnection:fullyQualifiedNamespace", "presale-test.servicebus.windows.net")
            .With("Presale:Compensation:PublicBaseUrl", "https://presale-test.azurewebsites.net");

    /// <summary>Adds service registrations after the app's own.</summary>
    public PresaleApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>Uses <paramref name="time"/> as the app's clock.</summary>
    public PresaleApp WithTime(TimeProvider time) => WithServices(s => s.AddSingleton(time));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new RemoteAddressStartupFilter(() => RemoteAddress));
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    private sealed class RemoteAddressStartupFilter(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
