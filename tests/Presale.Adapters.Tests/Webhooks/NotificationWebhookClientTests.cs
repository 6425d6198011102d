using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Presale.Adapters.Webhooks;
using Presale.Application.Notifications;
using Presale.Domain.Security;
using Presale.Testing;

namespace Presale.Adapters.Tests.Webhooks;

public sealed class NotificationWebhookClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NotificationWebhookRequest Request(NotificationMessage message, int attempt = 1) =>
        new(message, NotificationDeliveryHandler.DeliveryId(message.DeduplicationKey, attempt), attempt);

    [Fact]
    public async Task Send_PostsTheNotificationJson_SignedOverTheExactBody_WithDeliveryHeaders()
    {
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(204));
        using var http = WebhookTestSupport.Http();
        var time = new InstantDelayTimeProvider(WebhookTestSupport.Start);
        var client = new NotificationWebhookClient(http, WebhookTestSupport.Options(receiver.Url), time);
        var message = WebhookTestSupport.Delayed();

        var result = await client.SendAsync(Request(message, attempt: 3), Ct);

        Assert.Equal(WebhookAttemptResult.Delivered(204), result);
        var received = Assert.Single(receiver.Requests);
        Assert.Equal("POST", received.Method);
        Assert.True(WebhookTestSupport.Verify(received, time.GetUtcNow()).IsValid);
        Assert.Equal(WebhookSignatureStatus.Mismatch, WebhookTestSupport.Verify(received, time.GetUtcNow(), "another-secret-entirely").Status);
        Assert.Equal(message.DeduplicationKey, received.Headers[NotificationWebhookHeaders.IdempotencyKey]);
        Assert.Equal("delayed", received.Headers[NotificationWebhookHeaders.Event]);
        Assert.Equal(NotificationDeliveryHandler.DeliveryId(message.DeduplicationKey, 3), received.Headers[NotificationWebhookHeaders.DeliveryId]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal("delayed", (string?)body["event"]);
        Assert.Equal(message.DeduplicationKey, (string?)body["idempotencyKey"]);
        Assert.Equal(message.Notification.Title, (string?)body["notification"]!["title"]);
        Assert.Equal("zh-CN", (string?)body["notification"]!["locale"]);
        Assert.Equal("2026-07-14", (string?)body["notification"]!["revisedDate"]);
    }

    [Fact]
    public async Task Send_DuringASecretRotation_CarriesASignatureForEachSecret()
    {
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(200));
        using var http = WebhookTestSupport.Http();
        var time = new InstantDelayTimeProvider(WebhookTestSupport.Start);
        var options = WebhookTestSupport.Options(receiver.Url);
        options.PreviousWebhookSecret = "the-previous-secret-0123";
        var client = new NotificationWebhookClient(http, options, time);

        await client.SendAsync(Request(WebhookTestSupport.Delayed()), Ct);

        var received = Assert.Single(receiver.Requests);
        Assert.True(WebhookTestSupport.Verify(received, time.GetUtcNow()).IsValid);
        Assert.True(WebhookTestSupport.Verify(received, time.GetUtcNow(), "the-previous-secret-0123").IsValid);
    }

    [Theory]
    [InlineData(200, WebhookAttemptStatus.Delivered)]
    [InlineData(202, WebhookAttemptStatus.Delivered)]
    [InlineData(204, WebhookAttemptStatus.Delivered)]
    [InlineData(408, WebhookAttemptStatus.Transient)]
    [InlineData(429, WebhookAttemptStatus.Transient)]
    [InlineData(500, WebhookAttemptStatus.Transient)]
    [InlineData(502, WebhookAttemptStatus.Transient)]
    [InlineData(503, WebhookAttemptStatus.Transient)]
    [InlineData(301, WebhookAttemptStatus.Rejected)]
    [InlineData(400, WebhookAttemptStatus.Rejected)]
    [InlineData(401, WebhookAttemptStatus.Rejected)]
    [InlineData(404, WebhookAttemptStatus.Rejected)]
    [InlineData(410, WebhookAttemptStatus.Rejected)]
    [InlineData(422, WebhookAttemptStatus.Rejected)]
    public async Task Send_ClassifiesTheAnswer(int status, WebhookAttemptStatus expected)
    {
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(status));
        using var http = WebhookTestSupport.Http();
        var client = new NotificationWebhookClient(http, WebhookTestSupport.Options(receiver.Url), new InstantDelayTimeProvider());

        var result = await client.SendAsync(Request(WebhookTestSupport.Delayed()), Ct);

        Assert.Equal((expected, (int?)status), (result.Status, result.StatusCode));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Send_WhenTheReceiverAsksToSlowDown_ReportsItsRetryAfter()
    {
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(429, RetryAfterSeconds: 12));
        using var http = WebhookTestSupport.Http();
        var client = new NotificationWebhookClient(http, WebhookTestSupport.Options(receiver.Url), new InstantDelayTimeProvider());

        var result = await client.SendAsync(Request(WebhookTestSupport.Delayed()), Ct);

        Assert.Equal((WebhookAttemptStatus.Transient, (TimeSpan?)TimeSpan.FromSeconds(12)), (result.Status, result.RetryAfter));
    }

    [Fact]
    public async Task Send_WhenTheReceiverDoesNotAnswerInTime_ReportsATransientTimeout()
    {
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(200, Hang: TimeSpan.FromSeconds(30)));
        using var http = WebhookTestSupport.Http();
        var options = WebhookTestSupport.Options(receiver.Url);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        var client = new NotificationWebhookClient(http, options, new InstantDelayTimeProvider());
        var clock = Stopwatch.StartNew();

        var result = await client.SendAsync(Request(WebhookTestSupport.Delayed()), Ct);

        Assert.Equal(WebhookAttemptStatus.Transient, result.Status);
        Assert.Null(result.StatusCode);
        Assert.Contains("No answer within", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Send_WhenNothingListens_ReportsATransientConnectionFailure()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var http = WebhookTestSupport.Http();
        var client = new NotificationWebhookClient(http, WebhookTestSupport.Options(new Uri($"http://127.0.0.1:{port}/hooks")), new InstantDelayTimeProvider());

        var result = await client.SendAsync(Request(WebhookTestSupport.Delayed()), Ct);

        Assert.Equal((WebhookAttemptStatus.Transient, (int?)null), (result.Status, result.StatusCode));
        Assert.StartsWith("Connection failed", result.Error, StringComparison.Ordinal);
    }
}
