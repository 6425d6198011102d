using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Adapters.IntegrationEvents;
using Presale.Adapters.Queues;
using Presale.Application.IntegrationEvents;
using Presale.Application.Messaging;
using Presale.Application.Notifications;
using Presale.Functions.Host.Storage;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Composition;

public sealed class IntegrationEventsCompositionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(new NotificationsOptions())
            .AddPresaleStorage(configuration)
            .AddIntegrationEvents(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void WithoutATopic_EventsAreOff_AndNotificationsStillGoToTheStorageQueue()
    {
        using var services = Build([]);

        Assert.False(services.GetRequiredService<IntegrationEventsOptions>().Enabled);
        Assert.IsType<IntegrationEventsOff>(services.GetRequiredService<IIntegrationEventPublisher>());
        Assert.IsType<NotificationEventRelay>(services.GetRequiredService<IMessagePublisher>());
        Assert.NotNull(services.GetRequiredService<StorageQueueClient>());
    }

    [Fact]
    public async Task WithATopicAndANamespace_PublishesThroughOneServiceBusPublisherPerApp()
    {
        await using var services = Build(new()
        {
            ["Presale:Events:Topic"] = "events",
            ["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-presale.servicebus.windows.net",
            ["ServiceBusConnection:credential"] = "managedidentity",
        });

        var publisher = Assert.IsType<ServiceBusEventPublisher>(services.GetRequiredService<IIntegrationEventPublisher>());
        Assert.Same(publisher, services.GetRequiredService<IIntegrationEventPublisher>());
        Assert.False(publisher.ClientCreated); // nothing connects before the first event
        Assert.IsType<NotificationEventRelay>(services.GetRequiredService<IMessagePublisher>());
    }

    [Fact]
    public void WithATopicButNoConnection_FailsAtStartNamingTheSettings()
    {
        using var services = Build(new() { ["Presale:Events:Topic"] = "events" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IntegrationEventsOptions>>().Value);

        Assert.Contains("Presale:Events:Connection ('ServiceBusConnection')", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Presale:Events:Topic", "events topic", "Presale:Events:Topic")]
    [InlineData("Presale:Events:MaxRetries", "11", "Presale:Events:MaxRetries")]
    [InlineData("Presale:Events:TryTimeout", "00:00:00.500", "Presale:Events:TryTimeout")]
    [InlineData("Presale:Events:MaxRetryDelay", "00:00:00.100", "Presale:Events:MaxRetryDelay")]
    [InlineData("Presale:Events:BreakDuration", "00:00:00", "Presale:Events:BreakDuration")]
    public void InvalidSetting_FailsAtStartNamingIt(string key, string value, string named)
    {
        using var services = Build(new()
        {
            ["Presale:Events:Topic"] = "events",
            ["ServiceBusConnection"] = "Endpoint=sb://sb-local.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5",
            [key] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<IntegrationEventsOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BeforeTheMessagePublisherIsRegistered_Throws()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddIntegrationEvents(configuration));

        Assert.Contains("IMessagePublisher", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApp_WithATopicButNoConnection_RefusesToStart()
    {
        var exception = await StartupProbe.StartComposedAsync(
            builder =>
            {
                builder.Services.AddSingleton(new NotificationsOptions());
                builder.Services.AddPresaleStorage(builder.Configuration);
                builder.Services.AddIntegrationEvents(builder.Configuration);
            },
            ("Presale:Events:Topic", "events"));

        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", Assert.IsType<OptionsValidationException>(exception).Message, StringComparison.Ordinal);
    }
}
