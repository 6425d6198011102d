using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Presale.Adapters.InMemory;
using Presale.Application.Notifications;
using Presale.Domain.Notifications;
using Presale.Functions.Composition;
using Presale.Functions.Functions;
using Presale.Functions.Invocation;
using Presale.Testing;

namespace Presale.Functions.Tests.Notifications;

public sealed class DeliverNotificationFunctionTests
{
    private static readonly NotificationComposer Composer = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FunctionInvocation HostInvocation(string body, long deliveryCount)
    {
        // The Functions host sends a string message JSON-encoded (so JSON text arrives as a JSON string).
        using var data = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object> { [DeliverNotificationFunction.BindingName] = body }));
        using var metadata = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, object> { ["DeliveryCount"] = deliveryCount, ["MessageId"] = "m-1" }));
        return new FunctionInvocation(
            DeliverNotificationFunction.FunctionName,
            "inv-1",
            data.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            metadata.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }

    /// <summary>Binds and validates the options as the app does at start (ValidateOnStart runs the same validator).</summary>
    private static NotificationsOptions BindOptions(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddPresaleNotifications(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
    }

    [Fact]
    public void Start_WithoutNotificationSettings_UsesTheDocumentedDefaults()
    {
        var options = BindOptions();

        Assert.Equal(("notifications", "notificationfeed", "notificationdeliveries", (Uri?)null), (options.Queue, options.FeedTable, options.DeliveryTable, options.WebhookUri));
    }

    private static IFunction Function(IServiceProvider services) =>
        services.GetServices<IFunction>().Single(f => f.Name == DeliverNotificationFunction.FunctionName);

    [Fact]
    public async Task Invoke_WithAHostShapedMessage_RecordsTheNotificationInTheFeed()
    {
        await using var app = NotificationsApp.Create(new InMemoryTableStore());
        using var scope = app.Services.CreateScope();
        var message = NotificationMessage.From(
            Composer.ReadyToShip(new NotificationContext("zh-CN", TimeZoneInfo.Utc), "o-1", "c-1", new DateOnly(2026, 7, 1)),
            new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));

        await Function(scope.ServiceProvider).InvokeAsync(HostInvocation(message.ToOutboundMessage().Body, 1), Ct);
        await Function(scope.ServiceProvider).InvokeAsync(HostInvocation(message.ToOutboundMessage().Body, 2), Ct);

        var page = await app.Services.GetRequiredService<NotificationFeed>().ListAsync("c-1", 10, null, Ct);
        var entry = Assert.Single(page.Items);
        Assert.Equal((message.DeduplicationKey, "zh-CN"), (entry.Id, entry.Notification.Locale));
    }

    [Fact]
    public async Task Invoke_WithABodyThatIsNotANotificationMessage_Fails()
    {
        await using var app = NotificationsApp.Create(new InMemoryTableStore());
        using var scope = app.Services.CreateScope();

        await Assert.ThrowsAsync<FormatException>(() => Function(scope.ServiceProvider).InvokeAsync(HostInvocation("""{"orderId":"o-1"}""", 1), Ct));
    }

    [Fact]
    public void FunctionJson_BindsTheNotificationsQueueUnderTheFunctionsBindingName()
    {
        var path = RepositoryPaths.Combine("functions", "Presale.Functions", "Definitions", DeliverNotificationFunction.FunctionName, "function.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var trigger = json.RootElement.GetProperty("bindings")[0];

        Assert.Equal("serviceBusTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(DeliverNotificationFunction.BindingName, trigger.GetProperty("name").GetString());
        Assert.Equal(new NotificationsOptions().Queue, trigger.GetProperty("queueName").GetString());
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
