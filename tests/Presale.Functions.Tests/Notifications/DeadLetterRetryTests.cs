using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Presale.Adapters.Webhooks;
using Presale.Application.Messaging;
using Presale.Application.Notifications;
using Presale.Application.Outbox;
using Presale.Domain.Notifications;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Notifications;

/// <summary>
/// The operator's retry of a dead-lettered notification, through the app on Azurite with a real local receiver: the
/// queue's deliveries are driven through the <c>DeliverNotification</c> invocation endpoint with what was published.
/// </summary>
public sealed class DeadLetterRetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AdminKey = "retry-admin-key-00000000001";
    private static readonly DateTimeOffset CreatedAt = new(2026, 6, 20, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeadLetter_RetriedAfterTheReceiverIsFixed_IsDeliveredOnce_AndLeavesTheList()
    {
        var receiverFixed = false;
        await using var receiver = LocalWebhookReceiver.Scripted(_ => new LocalWebhookReceiver.Answer(Volatile.Read(ref receiverFixed) ? 204 : 500));
        var published = new ConcurrentQueue<(string Queue, OutboundMessage Message)>();
        await using var app = App(receiver, new Publisher(published));
        using var admin = Keyed(app.CreateClient());
        var message = Delayed();

        // The receiver fails every attempt: after MaxAttempts (2) the notification is dead-lettered.
        Assert.False((await DeliverAsync(app, message.ToOutboundMessage(), deliveryCount: 1)).Succeeded);
        var listed = Assert.Single((await DeadLettersAsync(admin)).Items);
        Assert.Equal((message.DeduplicationKey, 2), (listed.DeduplicationKey, listed.Attempts));
        Assert.Equal(2, receiver.Requests.Count);

        using var anonymous = app.CreateClient();
        using var refused = await anonymous.PostAsync(RetryPath(message.DeduplicationKey), null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        Volatile.Write(ref receiverFixed, true);
        using var retried = await admin.PostAsync(RetryPath(message.DeduplicationKey), null, Ct);

        Assert.True(retried.StatusCode == HttpStatusCode.Accepted, await retried.Content.ReadAsStringAsync(Ct));
        using var view = JsonDocument.Parse(await retried.Content.ReadAsStringAsync(Ct));
        var messageId = view.RootElement.GetProperty("messageId").GetString()!;
        Assert.Equal(1, view.RootElement.GetProperty("retries").GetInt32());
        // A fresh message id: the broker's duplicate detection saw the original one.
        Assert.NotEqual(message.DeduplicationKey, messageId);
        var requeued = Assert.Single(published, p => p.Message.MessageId == messageId);
        Assert.Equal("notifications", requeued.Queue);
        Assert.Equal(message.DeduplicationKey, NotificationMessageSerializer.Deserialize(requeued.Message.Body).DeduplicationKey);
        Assert.Empty((await DeadLettersAsync(admin)).Items);

        // The queue delivers the retry (twice, as a redelivering queue may), and the original copy turns up again too.
        Assert.True((await DeliverAsync(app, requeued.Message, deliveryCount: 1)).Succeeded);
        Assert.True((await DeliverAsync(app, requeued.Message, deliveryCount: 2)).Succeeded);
        Assert.True((await DeliverAsync(app, message.ToOutboundMessage(), deliveryCount: 3)).Succeeded);

        Assert.Equal(1, receiver.SuccessfulPosts);
        var delivered = receiver.Requests.Single(r => r.AnsweredStatus == 204);
        Assert.Equal(message.DeduplicationKey, delivered.Headers[NotificationWebhookHeaders.IdempotencyKey]);
        var record = await app.Services.GetRequiredService<NotificationDeliveryStore>().GetAsync(message.DeduplicationKey, Ct);
        Assert.Equal((NotificationDeliveryStatus.Delivered, 1, 1), (record!.Status, record.Attempts, record.Retries));

        // Delivered: a second retry sends nothing.
        using var again = await admin.PostAsync(RetryPath(message.DeduplicationKey), null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(published, p => p.Queue == "notifications");
    }

    [Fact]
    public async Task Retry_WhenPublishingFails_StaysInTheOutbox_AndTheOutboxSweepQueuesIt()
    {
        await using var receiver = LocalWebhookReceiver.FailingFirst(int.MaxValue, status: 500);
        var published = new ConcurrentQueue<(string Queue, OutboundMessage Message)>();
        var publisher = new Publisher(published) { Fail = true };
        await using var app = App(receiver, publisher);
        using var admin = Keyed(app.CreateClient());
        var message = Delayed();
        Assert.False((await DeliverAsync(app, message.ToOutboundMessage(), deliveryCount: 1)).Succeeded);

        using var retried = await admin.PostAsync(RetryPath(message.DeduplicationKey), null, Ct);

        Assert.True(retried.StatusCode == HttpStatusCode.Accepted, await retried.Content.ReadAsStringAsync(Ct));
        Assert.Empty(published);
        publisher.Fail = false;
        Assert.Equal(1, await app.Services.GetRequiredService<OutboxSweep>().RunAsync(Ct));
        var requeued = Assert.Single(published);
        Assert.Equal(("notifications", message.DeduplicationKey), (requeued.Queue, NotificationMessageSerializer.Deserialize(requeued.Message.Body).DeduplicationKey));
    }

    [Theory]
    [InlineData("notif:never-delivered:o-1", HttpStatusCode.NotFound)]
    [InlineData("bad#key", HttpStatusCode.BadRequest)]
    public async Task Retry_OfAKeyThatIsNoDeadLetter_IsRefusedNamingTheKey(string key, HttpStatusCode expected)
    {
        await using var receiver = LocalWebhookReceiver.FailingFirst(0);
        await using var app = App(receiver, new Publisher(new ConcurrentQueue<(string, OutboundMessage)>()));
        using var admin = Keyed(app.CreateClient());

        using var response = await admin.PostAsync(RetryPath(key), null, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("key", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private PresaleApp App(LocalWebhookReceiver receiver, Publisher publisher)
    {
        var app = new PresaleApp().WithServices(services =>
        {
            services.RemoveAll<IMessagePublisher>();
            services.AddSingleton<IMessagePublisher>(publisher);
        });
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Presale:Host:AdminKey"] = AdminKey,
            ["Presale:Orders:OrdersTable"] = AzuriteFixture.UniqueName("orders"),
            ["Presale:Orders:OutboxGrace"] = "00:00:00",
            ["Presale:Notifications:FeedTable"] = AzuriteFixture.UniqueName("feed"),
            ["Presale:Notifications:DeliveryTable"] = AzuriteFixture.UniqueName("deliveries"),
            ["Presale:Notifications:WebhookUrl"] = receiver.Url.ToString(),
            ["Presale:Notifications:WebhookSecret"] = "retry-test-webhook-secret",
            ["Presale:Notifications:MaxAttempts"] = "2",
            ["Presale:Notifications:AttemptsPerInvocation"] = "2",
            ["Presale:Notifications:InitialRetryDelay"] = "00:00:00.001",
            ["Presale:Notifications:MaxRetryDelay"] = "00:00:00.002",
        })
        {
            app.With(key, value);
        }

        return app;
    }

    private static NotificationMessage Delayed() => NotificationMessage.From(
        new NotificationComposer().AtRisk(new NotificationContext("en", TimeZoneInfo.Utc), "o0a" + new string('1', 24), "c-1", new DateOnly(2026, 6, 30)),
        CreatedAt);

    private static Uri RetryPath(string key) => new("/api/notifications/dead-letters/" + Uri.EscapeDataString(key) + "/retry", UriKind.Relative);

    private static HttpClient Keyed(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return client;
    }

    private static async Task<DeadLetterPage> DeadLettersAsync(HttpClient admin) =>
        JsonSerializer.Deserialize<DeadLetterPage>(await admin.GetStringAsync(new Uri("/api/notifications/dead-letters", UriKind.Relative), Ct), NotificationMessageSerializer.Options)!;

    /// <summary>One queue delivery of <paramref name="message"/>, as the queue trigger invokes <c>DeliverNotification</c>.</summary>
    private static Task<InvocationOutcome> DeliverAsync(PresaleApp app, OutboundMessage message, int deliveryCount) =>
        app.Services.GetRequiredService<IFunctionInvoker>().InvokeAsync(DeliverNotificationFunction.FunctionName, TriggerInput.ForMessage(message.Body, deliveryCount), Ct);

    private sealed class Publisher(ConcurrentQueue<(string Queue, OutboundMessage Message)> published) : IMessagePublisher
    {
        public bool Fail { get; set; }

        public Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new IOException("The broker is unreachable.");
            }

            published.Enqueue((queue, message));
            return Task.CompletedTask;
        }
    }
}
