using Presale.Adapters.InMemory;
using Presale.Application.Notifications;
using Presale.Testing;

namespace Presale.Application.Tests.Notifications;

public sealed class NotificationDeliveryHandlerTests
{
    private static NotificationsOptions Options(int maxAttempts = 8, int perInvocation = 3) => new()
    {
        WebhookUrl = "https://shop.example/hooks/presale",
        WebhookSecret = "a-secret-of-enough-length",
        MaxAttempts = maxAttempts,
        AttemptsPerInvocation = perInvocation,
        InitialRetryDelay = TimeSpan.FromSeconds(1),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
        DeliveryLease = TimeSpan.FromMinutes(1),
    };

    private sealed record Sut(
        NotificationDeliveryHandler Handler,
        NotificationFeed Feed,
        NotificationDeliveryStore Deliveries,
        ScriptedWebhook Webhook,
        InstantDelayTimeProvider Time);

    private static Sut CreateSut(ScriptedWebhook webhook, NotificationsOptions? options = null, InMemoryTableStore? store = null)
    {
        options ??= Options();
        store ??= new InMemoryTableStore();
        var time = new InstantDelayTimeProvider(NotificationSamples.Start);
        var feed = new NotificationFeed(store, options);
        var deliveries = new NotificationDeliveryStore(store, options);
        return new Sut(new NotificationDeliveryHandler(feed, deliveries, webhook, options, time, new Random(7)), feed, deliveries, webhook, time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_WhenTheReceiverAccepts_RecordsFeedEntryAndDeliveredRecord()
    {
        var sut = CreateSut(new ScriptedWebhook(ScriptedWebhook.Ok));
        var message = NotificationSamples.Delayed();

        var outcome = await sut.Handler.DeliverAsync(message, 1, Ct);

        Assert.Equal(NotificationDeliveryOutcome.Delivered, outcome);
        var request = Assert.Single(sut.Webhook.Requests);
        Assert.Equal((1, NotificationDeliveryHandler.DeliveryId(message.DeduplicationKey, 1)), (request.Attempt, request.DeliveryId));
        var record = await sut.Deliveries.GetAsync(message.DeduplicationKey, Ct);
        Assert.Equal((NotificationDeliveryStatus.Delivered, 1, 200), (record!.Status, record.Attempts, record.LastStatusCode));
        Assert.Null(record.LeaseHolder);
        Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
    }

    [Fact]
    public async Task Deliver_AfterTransientFailures_RetriesWithGrowingJitteredBackoff_AndPostsUntilAccepted()
    {
        var sut = CreateSut(new ScriptedWebhook(ScriptedWebhook.ServerError, ScriptedWebhook.ServerError, ScriptedWebhook.Ok));
        var message = NotificationSamples.Delayed();

        var outcome = await sut.Handler.DeliverAsync(message, 1, Ct);

        Assert.Equal(NotificationDeliveryOutcome.Delivered, outcome);
        Assert.Equal([1, 2, 3], sut.Webhook.Requests.Select(r => r.Attempt));
        Assert.Equal(3, sut.Webhook.Requests.Select(r => r.DeliveryId).Distinct().Count());
        var delays = sut.Time.Delays;
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await sut.Deliveries.GetAsync(message.DeduplicationKey, Ct))!.Attempts);
    }

    [Fact]
    public async Task Deliver_WhenTheReceiverSendsRetryAfter_WaitsThatLong()
    {
        var tooMany = new WebhookAttemptResult(WebhookAttemptStatus.Transient, 429, TimeSpan.FromSeconds(12), "Too Many Requests");
        var sut = CreateSut(new ScriptedWebhook(tooMany, ScriptedWebhook.Ok));

        await sut.Handler.DeliverAsync(NotificationSamples.Delayed(), 1, Ct);

        Assert.Equal([TimeSpan.FromSeconds(12)], sut.Time.Delays);
    }

    [Fact]
    public async Task Deliver_WhenTheInvocationsAttemptsRunOut_FailsForRedelivery_ThenTheRedeliveryContinuesTheCount()
    {
        var sut = CreateSut(new ScriptedWebhook(
            ScriptedWebhook.ServerError, ScriptedWebhook.ServerError, ScriptedWebhook.ServerError, ScriptedWebhook.Ok));
        var message = NotificationSamples.Delayed();

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => sut.Handler.DeliverAsync(message, 1, Ct));
        var afterFirst = await sut.Deliveries.GetAsync(message.DeduplicationKey, Ct);
        var outcome = await sut.Handler.DeliverAsync(message, 2, Ct);

        Assert.Equal(NotificationDeliveryFailure.RetryLater, failure.Failure);
        Assert.Equal((NotificationDeliveryStatus.Pending, 3, 503), (afterFirst!.Status, afterFirst.Attempts, afterFirst.LastStatusCode));
        Assert.Null(afterFirst.LeaseHolder);
        Assert.Equal(NotificationDeliveryOutcome.Delivered, outcome);
        Assert.Equal([1, 2, 3, 4], sut.Webhook.Requests.Select(r => r.Attempt));
    }

    [Fact]
    public async Task Deliver_WhenEveryAttemptFails_DeadLettersAfterMaxAttempts_KeepsTheFeedEntry_AndListsIt()
    {
        var sut = CreateSut(new ScriptedWebhook(ScriptedWebhook.ServerError), Options(maxAttempts: 5, perInvocation: 2));
        var message = NotificationSamples.Delayed();
        var failures = new List<NotificationDeliveryFailure>();

        for (var delivery = 1; delivery <= 5; delivery++)
        {
            var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => sut.Handler.DeliverAsync(message, delivery, Ct));
            failures.Add(failure.Failure);
        }

        Assert.Equal(
            [NotificationDeliveryFailure.RetryLater, NotificationDeliveryFailure.RetryLater, NotificationDeliveryFailure.DeadLettered,
             NotificationDeliveryFailure.DeadLettered, NotificationDeliveryFailure.DeadLettered],
            failures);
        Assert.Equal(5, sut.Webhook.Calls);
        var record = await sut.Deliveries.GetAsync(message.DeduplicationKey, Ct);
        Assert.Equal((NotificationDeliveryStatus.DeadLettered, 5, 503), (record!.Status, record.Attempts, record.LastStatusCode));
        var dead = Assert.Single((await sut.Deliveries.ListDeadLettersAsync(10, null, Ct)).Items);
        Assert.Equal((message.DeduplicationKey, 5, 503), (dead.DeduplicationKey, dead.Attempts, dead.LastStatusCode));
        Assert.Equal(message.Notification.Text, dead.Notification.Text);
        Assert.Contains("5 attempts failed", dead.Reason, StringComparison.Ordinal);
        Assert.Equal(message.DeduplicationKey, Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items).Id);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Deliver_WhenTheReceiverRejects_DeadLettersAtOnceWithItsStatus(int status)
    {
        var sut = CreateSut(new ScriptedWebhook(new WebhookAttemptResult(WebhookAttemptStatus.Rejected, status, null, "No")));
        var message = NotificationSamples.Delayed();

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => sut.Handler.DeliverAsync(message, 1, Ct));

        Assert.Equal(NotificationDeliveryFailure.DeadLettered, failure.Failure);
        Assert.Equal(1, sut.Webhook.Calls);
        Assert.Empty(sut.Time.Delays);
        var dead = Assert.Single((await sut.Deliveries.ListDeadLettersAsync(10, null, Ct)).Items);
        Assert.Equal(status, dead.LastStatusCode);
        Assert.StartsWith("Rejected by the webhook", dead.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_OnTheQueuesLastDelivery_DeadLettersInsteadOfLeavingItPending()
    {
        var options = Options(maxAttempts: 8, perInvocation: 1);
        options.MaxDeliveryCount = 3;
        var sut = CreateSut(new ScriptedWebhook(ScriptedWebhook.ServerError), options);
        var message = NotificationSamples.Delayed();

        var failure = await Assert.ThrowsAsync<NotificationDeliveryException>(() => sut.Handler.DeliverAsync(message, 3, Ct));

        Assert.Equal(NotificationDeliveryFailure.DeadLettered, failure.Failure);
        Assert.Single((await sut.Deliveries.ListDeadLettersAsync(10, null, Ct)).Items);
    }

    [Fact]
    public async Task Deliver_SameMessageAgainAfterDelivery_DoesNotPostAgain()
    {
        var sut = CreateSut(new ScriptedWebhook(ScriptedWebhook.Ok));
        var message = NotificationSamples.Delayed();

        var first = await sut.Handler.DeliverAsync(message, 1, Ct);
        var second = await sut.Handler.DeliverAsync(message, 1, Ct);

        Assert.Equal((NotificationDeliveryOutcome.Delivered, NotificationDeliveryOutcome.AlreadyDelivered), (first, second));
        Assert.Equal(1, sut.Webhook.Calls);
        Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
    }

    [Fact]
    public async Task Deliver_SameMessageConcurrently_PostsOnce_AndTheOthersSucceedWithoutAPost()
    {
        var webhook = new ScriptedWebhook(ScriptedWebhook.Ok) { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var sut = CreateSut(webhook);
        var message = NotificationSamples.Delayed();

        var deliveries = Enumerable.Range(0, 4).Select(_ => Task.Run(() => sut.Handler.DeliverAsync(message, 1, Ct), Ct)).ToList();
        while (webhook.Calls == 0)
        {
            await Task.Yield();
        }

        // The winner is inside its POST; the losers poll its lease (their waits fire at once, the clock stands still).
        webhook.Gate.SetResult();
        var firstRound = await Task.WhenAll(deliveries.Select(async delivery =>
        {
            try
            {
                return (NotificationDeliveryOutcome?)await delivery;
            }
            catch (NotificationDeliveryException exception) when (exception.Failure == NotificationDeliveryFailure.InProgressElsewhere)
            {
                return null;
            }
        }));

        // The queue redelivers the copies that gave up; by now the key is delivered.
        var outcomes = new List<NotificationDeliveryOutcome>();
        foreach (var outcome in firstRound)
        {
            outcomes.Add(outcome ?? await sut.Handler.DeliverAsync(message, 2, Ct));
        }

        Assert.Equal(1, webhook.Calls);
        Assert.Equal(1, outcomes.Count(o => o == NotificationDeliveryOutcome.Delivered));
        Assert.Equal(3, outcomes.Count(o => o == NotificationDeliveryOutcome.AlreadyDelivered));
        Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
    }

    [Fact]
    public async Task Deliver_AfterADeliveryDiedMidPost_WaitsOutItsLease_ThenTakesOverWithTheNextAttempt()
    {
        var webhook = new ScriptedWebhook(ScriptedWebhook.Ok) { ThrowOnCall = 1 };
        var sut = CreateSut(webhook);
        var message = NotificationSamples.Delayed();

        await Assert.ThrowsAsync<IOException>(() => sut.Handler.DeliverAsync(message, 1, Ct));
        var whileLeased = await Assert.ThrowsAsync<NotificationDeliveryException>(() => sut.Handler.DeliverAsync(message, 2, Ct));
        sut.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var outcome = await sut.Handler.DeliverAsync(message, 3, Ct);

        Assert.Equal(NotificationDeliveryFailure.InProgressElsewhere, whileLeased.Failure);
        Assert.Equal(NotificationDeliveryOutcome.Delivered, outcome);
        Assert.Equal([1, 2], webhook.Requests.Select(r => r.Attempt));
        Assert.All(webhook.Requests, r => Assert.Equal(message.DeduplicationKey, r.Message.DeduplicationKey));
    }

    [Fact]
    public async Task Deliver_WithoutAWebhook_RecordsTheFeedEntryOnly()
    {
        var options = Options();
        options.WebhookUrl = null;
        var sut = CreateSut(new ScriptedWebhook(ScriptedWebhook.Ok), options);
        var message = NotificationSamples.Confirmed();

        var outcome = await sut.Handler.DeliverAsync(message, 1, Ct);

        Assert.Equal(NotificationDeliveryOutcome.FeedOnly, outcome);
        Assert.Equal(0, sut.Webhook.Calls);
        Assert.Null(await sut.Deliveries.GetAsync(message.DeduplicationKey, Ct));
        Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
    }
}
