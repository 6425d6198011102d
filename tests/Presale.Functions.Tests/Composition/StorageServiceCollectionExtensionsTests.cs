using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Functions.Host;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Storage;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Composition;

public sealed class StorageServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddPresaleStorage(configuration).BuildServiceProvider();
    }

    private static void ValidateAll(ServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
    }

    [Fact]
    public void Defaults_PointAtAzurite_AndPublishToStorageQueues()
    {
        using var services = Build([]);

        var tables = Assert.IsType<TableStorageStore>(services.GetRequiredService<ITableStore>());
        Assert.IsType<StorageQueueClient>(services.GetRequiredService<IMessagePublisher>());
        Assert.IsType<StorageQueueClient>(services.GetRequiredService<IQueueReceiver>());
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), tables.Endpoint);
    }

    [Fact]
    public void ConnectionString_UnderTheConfiguredName_IsUsed()
    {
        using var services = Build(new()
        {
            ["Presale:Storage:Connection"] = "Data",
            ["Data"] = "DefaultEndpointsProtocol=https;AccountName=presaledata;AccountKey=a2V5;EndpointSuffix=core.windows.net",
        });

        Assert.Equal(new Uri("https://presaledata.table.core.windows.net"), services.GetRequiredService<TableStorageStore>().Endpoint);
        Assert.Equal(new Uri("https://presaledata.queue.core.windows.net"), services.GetRequiredService<StorageQueueClient>().Endpoint);
    }

    [Fact]
    public void AccountName_WithManagedIdentity_UsesBearerTokens()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "presaledata",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var account = services.GetRequiredService<StorageAccount>();
        Assert.False(account.UsesConnectionString);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(account.Credential);
        Assert.Equal(new Uri("https://presaledata.table.core.windows.net"), account.TableEndpoint);
    }

    [Fact]
    public void MalformedStorageConnectionString_FailsAtStartNamingTheSetting()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "AccountName=x;AccountKey=not-base64!" });

        var error = Assert.Throws<OptionsValidationException>(() => ValidateAll(services));

        Assert.Contains("Presale:Storage:Connection", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCredentialKind_FailsAtStartNamingTheSetting()
    {
        using var services = Build(new() { ["AzureWebJobsStorage:accountName"] = "a", ["AzureWebJobsStorage:credential"] = "password" });

        var error = Assert.Throws<OptionsValidationException>(() => ValidateAll(services));

        Assert.Contains("AzureWebJobsStorage__credential", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void QueueHealthCheck_IsRegisteredWhereverTheAppRuns_StorageQueuesCarryEveryMessage(bool underHost, bool standaloneTriggers)
    {
        var settings = new Dictionary<string, string?> { ["Presale:Host:StandaloneTriggers"] = standaloneTriggers ? "true" : "false" };
        if (underHost)
        {
            settings["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:41234/";
        }

        using var services = BuildWithHost(settings);

        var checks = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name).ToList();

        Assert.Contains("table", checks);
        Assert.Contains("queue", checks);
    }

    [Fact]
    public async Task Standalone_Starts()
    {
        Assert.Null(await StartupProbe.StartWithStorageAsync());
    }

    [Fact]
    public async Task StorageRequests_AreDatedWithTheRealClock_NotTheShiftedAppClock()
    {
        var shifted = new OffsetTimeProvider(TimeProvider.System, TimeSpan.FromDays(10));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Nothing listens on port 1: each request fails at once, after it was dated and signed.
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Presale.Testing.AzuriteFixture.DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1",
            ["Presale:Storage:MaxRetries"] = "0",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(shifted).AddPresaleStorage(configuration).BuildServiceProvider();
        var recorder = new HeaderRecorder();
        services.GetRequiredService<StorageClientOptions>().AdditionalPerRetryPolicies.Add(recorder);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<RequestFailedException>(() => services.GetRequiredService<ITableStore>().CreateTableIfNotExistsAsync("clocktest", ct));
        await Assert.ThrowsAsync<RequestFailedException>(() => services.GetRequiredService<IMessagePublisher>().PublishAsync("reconcile", new OutboundMessage("m-1", "{}"), ct));

        var now = TimeProvider.System.GetUtcNow();
        Assert.Equal(2, recorder.Values("x-ms-date").Count());
        Assert.All(recorder.Values("x-ms-date"), value => Assert.InRange(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture), now - TimeSpan.FromMinutes(5), now + TimeSpan.FromMinutes(1)));
    }

    private static ServiceProvider BuildWithHost(Dictionary<string, string?> settings)
    {
        settings["Presale:Host:MetadataPath"] = TestDefinitions.MetadataFile;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(HostingMode.Resolve(configuration));
        services.AddOptions<FunctionsHostOptions>().Bind(configuration.GetSection(FunctionsHostOptions.SectionName));
        services.AddSingleton(new FunctionCatalog(FunctionMetadataLoader.Load(TestDefinitions.MetadataFile, key => configuration[key] ?? TestDefinitions.Schedules(key))));
        return services.AddPresaleStorage(configuration).BuildServiceProvider();
    }

    /// <summary>Records the headers of every attempt once the pipeline after it has dated and signed it.</summary>
    private sealed class HeaderRecorder : HttpPipelinePolicy
    {
        private readonly List<(string Name, string Value)> _headers = [];

        public IEnumerable<string> Values(string name)
        {
            lock (_headers)
            {
                return [.. _headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value)];
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                Record(message);
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                Record(message);
            }
        }

        private void Record(HttpMessage message)
        {
            lock (_headers)
            {
                _headers.AddRange(message.Request.Headers.Select(h => (h.Name, h.Value)));
            }
        }
    }
}
