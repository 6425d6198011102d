using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Presale.Adapters.InMemory;
using Presale.Application.Notifications;
using Presale.Domain.Notifications;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Notifications;

public sealed class DeliverNotificationFunctionTests
{
    private static readonly NotificationComposer Composer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Binds and validates the options as the app does at start (ValidateOnStart runs the same validator).</summary>
    private static NotificationsOptions BindOptions(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddNotifications();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
    }

    [Fact]
    public void Start_WithoutNotificationSettings_UsesTheDocumentedDefaults()
    {
        var options = BindOptions();

        Assert.Equal(("notifications", "notificationfeed", "notificationdeliveries", (Uri?)null), (options.Queue, options.FeedTable, options.DeliveryTable, options.WebhookUri));
    }

    private static DeliverNotificationFunction Function(IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<DeliverNotificationFunction>(services);

    [Fact]
    public async Task Invoke_WithAHostShapedMessage_RecordsTheNotificationInTheFeed()
    {
        await using var app = NotificationsApp.Create(new InMemoryTableStore());
        using var scope = app.Services.CreateScope();
        var message = NotificationMessage.From(
            Composer.ReadyToShip(new NotificationContext("zh-CN", TimeZoneInfo.Utc), "o-1", "c-1", new DateOnly(2026, 7, 1)),
            new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));

        await Function(scope.ServiceProvider).RunAsync(message.ToOutboundMessage().Body, 1, Ct);
        await Function(scope.ServiceProvider).RunAsync(message.ToOutboundMessage().Body, 2, Ct);

        var page = await app.Services.GetRequiredService<NotificationFeed>().ListAsync("c-1", 10, null, Ct);
        var entry = Assert.Single(page.Items);
        Assert.Equal((message.DeduplicationKey, "zh-CN"), (entry.Id, entry.Notification.Locale));
    }

    [Fact]
    public async Task Invoke_WithABodyThatIsNotANotificationMessage_Fails()
    {
        await using var app = NotificationsApp.Create(new InMemoryTableStore());
        using var scope = app.Services.CreateScope();

        await Assert.ThrowsAsync<FormatException>(() => Function(scope.ServiceProvider).RunAsync("""{"orderId":"o-1"}""", 1, Ct));
    }

    [Fact]
    public void Metadata_TriggersDeliveryFromTheNotificationsQueue()
    {
        var function = TestDefinitions.Shipped().Single(d => d.Name == DeliverNotificationFunction.FunctionName);

        Assert.Equal(TriggerKind.Queue, function.Trigger);
        Assert.Equal(new NotificationsOptions().Queue, function.QueueName);
        Assert.Equal("AzureWebJobsStorage", function.Connection);
    }

    [Theory]
    [InlineData("https://shop.example/hooks", null, "Presale:Notifications:WebhookSecret")]
    [InlineData("https://shop.example/hooks", "short", "Presale:Notifications:WebhookSecret")]
    [InlineData("http://shop.example/hooks", "a-long-enough-secret-123", "Presale:Notifications:WebhookUrl")]
    [InlineData("hooks", "a-long-enough-secret-123", "Presale:Notifications:WebhookUrl")]
    public void Start_WithAnUnusableWebhookSetting_FailsNamingTheSetting(string url, string? secret, string setting)
    {
        var settings = new List<(string, string)> { ("Presale:Notifications:WebhookUrl", url) };
        if (secret is not null)
        {
            settings.Add(("Presale:Notifications:WebhookSecret", secret));
        }

        var error = Assert.Throws<OptionsValidationException>(() => BindOptions([.. settings]));

        Assert.Contains(error.Failures, f => f.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithALeaseShorterThanAnAttemptAndItsBackoff_FailsNamingTheSetting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => BindOptions(("Presale:Notifications:DeliveryLease", "00:00:20")));

        Assert.Contains(error.Failures, f => f.StartsWith("Presale:Notifications:DeliveryLease", StringComparison.Ordinal));
    }
}
