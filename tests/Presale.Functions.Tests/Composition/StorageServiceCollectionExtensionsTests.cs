using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Adapters.Messaging;
using Presale.Adapters.Queues;
using Presale.Adapters.ServiceBus;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Messaging;
using Presale.Application.Storage;
using Presale.Functions.Composition;

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
        _ = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
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
        Assert.False(account.UsesSharedKey);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(account.Credential);
        Assert.Equal(new Uri("https://presaledata.table.core.windows.net"), account.TableEndpoint);
    }

    [Fact]
    public void ServiceBusTransport_PublishesThroughServiceBus()
    {
        using var services = Build(new()
        {
            ["Presale:Messaging:Transport"] = "ServiceBus",
            ["ServiceBusConnection:fullyQualifiedNamespace"] = "presale.servicebus.windows.net",
        });

        var publisher = Assert.IsType<ServiceBusPublisher>(services.GetRequiredService<IMessagePublisher>());
        Assert.Equal(new Uri("https://presale.servicebus.windows.net/"), publisher.Endpoint);
        Assert.IsType<StorageQueueClient>(services.GetRequiredService<IQueueReceiver>());
    }

    [Fact]
    public void ServiceBusTransport_WithoutAConnection_FailsAtStartNamingTheSettings()
    {
        using var services = Build(new() { ["Presale:Messaging:Transport"] = "ServiceBus" });

        var error = Assert.Throws<OptionsValidationException>(() => ValidateAll(services));

        Assert.Contains("Presale:Messaging:ServiceBusConnection", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void UnknownTransport_FailsNamingTheSetting()
    {
        using var services = Build(new() { ["Presale:Messaging:Transport"] = "Carrier pigeon" });

        var error = Assert.ThrowsAny<Exception>(() => ValidateAll(services));

        Assert.Contains("Transport", error.Message, StringComparison.Ordinal);
    }
}
