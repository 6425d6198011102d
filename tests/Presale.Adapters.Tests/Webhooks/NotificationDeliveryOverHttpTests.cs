using Presale.Adapters.Webhooks;
using Presale.Application.Notifications;
using Presale.Testing;

namespace Presale.Adapters.Tests.Webhooks;

/// <summary>The delivery use case against a real local HTTP receiver: retries, dead-lettering and at-most-once per key.</summary>
public sealed class NotificationDeliveryOverHttpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_ToAReceiverFailingTheFirstCalls_DeliversExactlyOnceInTheEnd_EveryAttemptSigned()
    {
        await using var receiver = LocalWebhookReceiver.FailingFirst(4);
        using var http = WebhookTestSupport.Http();
        var sut = WebhookTestSupport.Wire(WebhookTestSupport.Options(receiver.Url, maxAttempts: 8, perInvocation: 3), http);
        var message = WebhookTestSupport.Delayed();

        var (outcome, deliveries, _) = await WebhookTestSupport.DeliverLikeTheQueueAsync(sut.Handler, message, 10, Ct);

        Assert.Equal((NotificationDeliveryOutcome.Delivered, 2), (outcome, deliveries));
        Assert.Equal(5, receiver.Requests.Count);
        Assert.Equal(1, receiver.SuccessfulPosts);
        Assert.All(receiver.Requests, r =>
        {
            Assert.True(WebhookTestSupport.Verify(r, sut.Time.GetUtcNow()).IsValid);
            Assert.Equal(message.DeduplicationKey, r.Headers[NotificationWebhookHeaders.IdempotencyKey]);
        });
        Assert.Equal(5, receiver.Requests.Select(r => r.Headers[NotificationWebhookHeaders.DeliveryId]).Distinct().Count());
        Assert.Equal(3, sut.Time.Delays.Count); // two in the first invocation, one in the second
        var record = await sut.Deliveries.GetAsync(message.DeduplicationKey, Ct);
        Assert.Equal((NotificationDeliveryStatus.Delivered, 5), (record!.Status, record.Attempts));
    }

    [Fact]
    public async Task Deliver_ToAReceiverThatAlwaysFails_DeadLettersAfterMaxAttempts_VisibleWithTheFeedEntryKept()
    {
        await using var receiver = LocalWebhookReceiver.FailingFirst(int.MaxValue, status: 500);
        using var http = WebhookTestSupport.Http();
        var sut = WebhookTestSupport.Wire(WebhookTestSupport.Options(receiver.Url, maxAttempts: 6, perInvocation: 3), http);
        var message = WebhookTestSupport.Delayed();

        var (outcome, _, failure) = await WebhookTestSupport.DeliverLikeTheQueueAsync(sut.Handler, message, 10, Ct);

        Assert.Null(outcome);
        Assert.Equal(NotificationDeliveryFailure.DeadLettered, failure!.Failure);
        Assert.Equal(6, receiver.Requests.Count);
        Assert.Equal(0, receiver.SuccessfulPosts);
        var dead = Assert.Single((await sut.Deliveries.ListDeadLettersAsync(10, null, Ct)).Items);
        Assert.Equal((message.DeduplicationKey, 6, (int?)500), (dead.DeduplicationKey, dead.Attempts, dead.LastStatusCode));
        Assert.Equal(message.Notification, dead.Notification with { Links = message.Notification.Links });
        var entry = Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
        Assert.Equal(message.Notification.Text, entry.Notification.Text);
    }

    [Fact]
    public async Task Deliver_TheSameMessageTwiceInARow_PostsOnce()
    {
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(200));
        using var http = WebhookTestSupport.Http();
        var sut = WebhookTestSupport.Wire(WebhookTestSupport.Options(receiver.Url), http);
        var message = WebhookTestSupport.Delayed();

        var first = await sut.Handler.DeliverAsync(message, 1, Ct);
        var second = await sut.Handler.DeliverAsync(message, 1, Ct);

        Assert.Equal((NotificationDeliveryOutcome.Delivered, NotificationDeliveryOutcome.AlreadyDelivered), (first, second));
        Assert.Single(receiver.Requests);
        Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
    }

    [Fact]
    public async Task Deliver_TheSameMessageConcurrently_PostsOnce_AndEveryCopyEndsDelivered()
    {
        // The receiver takes a moment, so the other copies arrive while the first POST is in flight.
        await using var receiver = LocalWebhookReceiver.Start(new LocalWebhookReceiver.Answer(200, Hang: TimeSpan.FromMilliseconds(200)));
        using var http = WebhookTestSupport.Http();
        var sut = WebhookTestSupport.Wire(WebhookTestSupport.Options(receiver.Url), http);
        var message = WebhookTestSupport.Delayed();
        var firstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var copies = Enumerable.Range(0, 5)
            .Select(_ => Task.Run(async () =>
            {
                try
                {
                    return await sut.Handler.DeliverAsync(message, 1, Ct);
                }
                catch (NotificationDeliveryException exception) when (exception.Failure == NotificationDeliveryFailure.InProgressElsewhere)
                {
                    // Back-off waits are instant here, so a copy can give up while the first POST is still in flight;
                    // the queue redelivers it, and by then the key is delivered.
                    await firstDone.Task;
                    return await sut.Handler.DeliverAsync(message, 2, Ct);
                }
            }, Ct))
            .ToList();
        // Once any copy has finished the key is delivered; the copies that gave up are redelivered after that.
        await Task.WhenAny(copies);
        firstDone.SetResult();
        var outcomes = await Task.WhenAll(copies);

        Assert.Equal(1, outcomes.Count(o => o == NotificationDeliveryOutcome.Delivered));
        Assert.Equal(4, outcomes.Count(o => o == NotificationDeliveryOutcome.AlreadyDelivered));
        Assert.Single(receiver.Requests);
        Assert.Equal(1, receiver.SuccessfulPosts);
        Assert.Single((await sut.Feed.ListAsync("c-1", 10, null, Ct)).Items);
    }
}
