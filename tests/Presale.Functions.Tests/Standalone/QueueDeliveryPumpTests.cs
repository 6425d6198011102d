using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Presale.Functions.Host;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Standalone;

public sealed class QueueDeliveryPumpTests
{
    private const string QueueName = "reconcile";
    private static readonly FunctionDefinition Function =
        TestDefinitions.Queue("Reconcile", QueueName);

    private static QueueDeliveryPump CreateSut(RecordingInvoker invoker, TimeProvider time, int maxDeliveryCount = 10, TimeSpan? lockDuration = null, QueueWake? wake = null) => new(
        new FunctionCatalog([Function]),
        new ServiceCollection().BuildServiceProvider(),
        invoker,
        wake ?? new QueueWake(time),
        time,
        HostingMode.Resolve(new ConfigurationBuilder().Build()),
        Options.Create(new FunctionsHostOptions()),
        Options.Create(new QueuePumpOptions { MaxDeliveryCount = maxDeliveryCount, LockDuration = lockDuration ?? TimeSpan.FromMinutes(1), MinIdleDelay = TimeSpan.FromSeconds(1), MaxIdleDelay = TimeSpan.FromSeconds(10) }),
        new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
        NullLogger<QueueDeliveryPump>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pump_OnSuccess_InvokesWithTheMessageAndItsDequeueCountAndCompletes()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        queue.Send(QueueName, "m-1", """{"orderId":42}""", correlationId: "c-1", subject: "order-placed");
        var invoker = new RecordingInvoker();

        var received = await CreateSut(invoker, time).PumpOnceAsync(Function, queue, Ct);
        var (name, payload) = await invoker.NextAsync();

        Assert.Equal(1, received);
        Assert.Equal("Reconcile", name);
        Assert.Equal("""{"orderId":42}""", payload["message"]!.GetValue<string>());
        Assert.Equal(1, payload["dequeueCount"]!.GetValue<long>());
        Assert.Single(queue.Completed);
        Assert.Equal(0, queue.Count(QueueName));
    }

    [Fact]
    public async Task Pump_OnFailure_AbandonsAndRedelivers_ThenDeadLettersAtMaxDeliveryCount()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        queue.Send(QueueName, "m-1", """{"orderId":42}""");
        var invoker = new RecordingInvoker((_, _, _) => Task.FromResult(500));
        var sut = CreateSut(invoker, time, maxDeliveryCount: 3);

        var rounds = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            rounds.Add(await sut.PumpOnceAsync(Function, queue, Ct));
        }

        Assert.Equal([1, 1, 1, 0, 0], rounds);
        Assert.Equal(3, invoker.Count);
        Assert.Empty(queue.Completed);
        var (message, reason) = Assert.Single(queue.DeadLettered);
        Assert.Equal("m-1", message.MessageId);
        Assert.Equal(3, message.DeliveryCount);
        Assert.Contains("MaxDeliveryCountExceeded", reason, StringComparison.Ordinal);
        Assert.Contains("500", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pump_WhenInvocationThrows_AbandonsInsteadOfDropping()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        queue.Send(QueueName, "m-1", "{}");
        var invoker = new RecordingInvoker((_, _, n) => n == 1 ? throw new HttpRequestException("connection refused") : Task.FromResult(200));
        var sut = CreateSut(invoker, time);

        await sut.PumpOnceAsync(Function, queue, Ct);
        Assert.Equal(1, queue.Count(QueueName));
        await sut.PumpOnceAsync(Function, queue, Ct);

        Assert.Equal(2, Assert.Single(queue.Completed).DeliveryCount);
    }

    [Fact]
    public async Task Pump_MessageAlreadyDeliveredMaxTimes_IsDeadLetteredWithoutInvoking()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        queue.Send(QueueName, "m-1", "{}", deliveredBefore: 10);
        var invoker = new RecordingInvoker();

        await CreateSut(invoker, time).PumpOnceAsync(Function, queue, Ct);

        Assert.Equal(0, invoker.Count);
        Assert.Equal(11, Assert.Single(queue.DeadLettered).Message.DeliveryCount);
    }

    [Fact]
    public async Task Pump_WhileFunctionRunsLong_RenewsTheLockAndCompletesWithTheRenewedToken()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        queue.Send(QueueName, "m-1", "{}");
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker((_, _, _) => release.Task);

        var pumping = CreateSut(invoker, time, lockDuration: TimeSpan.FromSeconds(30)).PumpOnceAsync(Function, queue, Ct);
        await invoker.NextAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(15), await time.NextWaitAsync());
            time.Advance(TimeSpan.FromSeconds(15));
        }

        await time.NextWaitAsync();
        release.SetResult(200);
        await pumping.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(3, queue.Renewals);
        Assert.Single(queue.Completed);
        Assert.Equal(0, queue.Count(QueueName));
    }

    [Fact]
    public async Task Run_WhenQueueIsEmpty_BacksOffDoublingToTheMaximum_AndResetsAfterAMessage()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        var invoker = new RecordingInvoker();
        using var stop = new CancellationTokenSource();
        var running = CreateSut(invoker, time).RunQueueAsync(Function, queue, stop.Token);

        var waits = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var wait = await time.NextWaitAsync();
            waits.Add(wait.TotalSeconds);
            if (i == 5)
            {
                queue.Send(QueueName, "m-1", "{}");
            }

            time.Advance(wait);
        }

        await invoker.NextAsync();
        var renewal = await time.NextWaitAsync();
        var afterMessage = await time.NextWaitAsync();
        await stop.CancelAsync();

        Assert.Equal([1, 2, 4, 8, 10, 10], waits);
        Assert.Equal(TimeSpan.FromSeconds(30), renewal);
        Assert.Equal(TimeSpan.FromSeconds(1), afterMessage);
        Assert.Equal([QueueName], queue.Created);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_WhenTheAppSendsToAnIdleQueue_ReceivesAtOnceInsteadOfWaitingOutTheBackOff()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        var invoker = new RecordingInvoker();
        var wake = new QueueWake(time);
        var publisher = new WakingMessagePublisher(new SendingPublisher(queue), wake, time);
        using var stop = new CancellationTokenSource();
        var running = CreateSut(invoker, time, wake: wake).RunQueueAsync(Function, queue, stop.Token);
        for (var i = 0; i < 5; i++)
        {
            time.Advance(await time.NextWaitAsync());
        }

        var idleWait = await time.NextWaitAsync();
        await publisher.PublishAsync(QueueName, new Application.Messaging.OutboundMessage("m-1", "{}"), Ct);
        var (name, _) = await invoker.NextAsync();
        _ = await time.NextWaitAsync(); // the lock renewal of the delivery
        var afterMessage = await time.NextWaitAsync();
        await stop.CancelAsync();

        Assert.Equal(TimeSpan.FromSeconds(10), idleWait);
        Assert.Equal("Reconcile", name);
        Assert.Equal(TimeSpan.FromSeconds(1), afterMessage);
        Assert.Single(queue.Completed);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Publish_WhenScheduledForLater_LeavesTheQueueToThePoller()
    {
        var time = new StepTimeProvider();
        var queue = new FakeQueueReceiver(time);
        var wake = new QueueWake(time);
        var publisher = new WakingMessagePublisher(new SendingPublisher(queue), wake, time);

        await publisher.PublishAsync(QueueName, new Application.Messaging.OutboundMessage("later", "{}", ScheduledEnqueueTime: time.GetUtcNow().AddMinutes(5)), Ct);
        var waiting = wake.WaitAsync(QueueName, TimeSpan.FromSeconds(10), Ct);
        time.Advance(await time.NextWaitAsync());

        Assert.False(await waiting);
    }

    [Fact]
    public void Pump_NothingIsDropped_EachMessageCompletesOrIsDeadLetteredAfterMaxDeliveries()
    {
        const int max = 3;
        var failuresPerMessage = Gen.Choose(0, 5).ArrayOf().Where(a => a.Length is > 0 and <= 12);
        Prop.ForAll(failuresPerMessage.ToArbitrary(), failures =>
        {
            var time = new StepTimeProvider();
            var queue = new FakeQueueReceiver(time);
            for (var i = 0; i < failures.Length; i++)
            {
                queue.Send(QueueName, $"m-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var attempts = new int[failures.Length];
            var invoker = new RecordingInvoker((_, payload, _) =>
            {
                var index = int.Parse(payload["message"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                var attempt = Interlocked.Increment(ref attempts[index]);
                return Task.FromResult(attempt <= failures[index] ? 500 : 200);
            });
            var sut = CreateSut(invoker, time, maxDeliveryCount: max);
            while (sut.PumpOnceAsync(Function, queue, CancellationToken.None).GetAwaiter().GetResult() > 0)
            {
            }

            var completed = queue.Completed.Select(m => m.MessageId).ToHashSet();
            var dead = queue.DeadLettered.Select(d => d.Message.MessageId).ToHashSet();
            return Enumerable.Range(0, failures.Length).All(i =>
                (failures[i] < max ? completed.Contains($"m-{i}") && !dead.Contains($"m-{i}") : dead.Contains($"m-{i}") && !completed.Contains($"m-{i}"))
                && attempts[i] == Math.Min(failures[i] + 1, max))
                && queue.Count(QueueName) == 0;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Sends to the fake queue as the storage queue adapter would.</summary>
    private sealed class SendingPublisher(FakeQueueReceiver queue) : Application.Messaging.IMessagePublisher
    {
        public Task PublishAsync(string queueName, Application.Messaging.OutboundMessage message, CancellationToken cancellationToken = default)
        {
            queue.Send(queueName, message.MessageId, message.Body);
            return Task.CompletedTask;
        }
    }
}
