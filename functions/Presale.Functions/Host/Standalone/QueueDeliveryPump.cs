using Microsoft.Extensions.Options;
using Presale.Application.Messaging;
using Presale.Functions.Host.Catalog;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Standalone mode's Storage Queue trigger: for each <c>queueTrigger</c> function of <c>functions.metadata</c>, receives
/// messages from its queue through <see cref="IQueueReceiver"/> (hidden for the visibility timeout), keeps them hidden
/// while the function runs, invokes the function through <see cref="IFunctionInvoker"/> with the message and its
/// dequeue count, deletes the message when the function returns, makes it visible again when it throws, and moves it to
/// the poison queue (<c>&lt;queue&gt;-poison</c>) once it has been delivered <see cref="QueuePumpOptions.MaxDeliveryCount"/> times. Empty queues are polled with a doubling back-off, cut short
/// when the app itself sends to the queue (<see cref="QueueWake"/>).
/// </summary>
public sealed class QueueDeliveryPump(
    FunctionCatalog catalog,
    IServiceProvider services,
    IFunctionInvoker invoker,
    QueueWake wake,
    TimeProvider time,
    HostingMode mode,
    IOptions<FunctionsHostOptions> hostOptions,
    IOptions<QueuePumpOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<QueueDeliveryPump> logger) : BackgroundService
{
    /// <summary>Delivers messages of <paramref name="function"/>'s queue until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunQueueAsync(FunctionDefinition function, IQueueReceiver receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(receiver);
        var settings = options.Value;
        var queueReady = false;
        var idle = settings.MinIdleDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int handled;
            try
            {
                // Created inside the loop so that storage being down at start delays delivery instead of stopping the app.
                if (!queueReady)
                {
                    await receiver.CreateQueueIfNotExistsAsync(Queue(function), cancellationToken).ConfigureAwait(false);
                    queueReady = true;
                }

                handled = await PumpOnceAsync(function, receiver, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The broker is unreachable or refused an operation: back off and try again; locks expire on their own.
                logger.LogError(exception, "Queue {Queue} for {FunctionName}: delivery round failed.", Queue(function), function.Name);
                handled = 0;
            }

            if (handled > 0)
            {
                idle = settings.MinIdleDelay;
                continue;
            }

            var woken = await wake.WaitAsync(Queue(function), idle, cancellationToken).ConfigureAwait(false);
            idle = woken ? settings.MinIdleDelay : idle * 2 < settings.MaxIdleDelay ? idle * 2 : settings.MaxIdleDelay;
        }
    }

    /// <summary>One receive and the delivery of what it returned; the number of messages received.</summary>
    public async Task<int> PumpOnceAsync(FunctionDefinition function, IQueueReceiver receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(receiver);
        var settings = options.Value;
        var messages = await receiver.ReceiveAsync(Queue(function), settings.BatchSize, settings.LockDuration, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(messages.Select(m => DeliverAsync(function, receiver, m, cancellationToken))).ConfigureAwait(false);
        return messages.Count;
    }

    /// <summary>
    /// Whether the pump delivers anything in this process: standalone mode, standalone triggers on, and at least one
    /// <c>queueTrigger</c> function. Then the app receives from storage queues through <see cref="IQueueReceiver"/>.
    /// </summary>
    public static bool IsActive(HostingMode mode, FunctionsHostOptions hostOptions, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(hostOptions);
        ArgumentNullException.ThrowIfNull(catalog);
        return mode.IsStandalone && hostOptions.StandaloneTriggers && catalog.OfKind(TriggerKind.Queue).Any();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsActive(mode, hostOptions.Value, catalog))
        {
            return;
        }

        var queues = catalog.OfKind(TriggerKind.Queue).ToArray();

        var receiver = services.GetService<IQueueReceiver>() ?? throw new InvalidOperationException(
            $"{queues.Length} queueTrigger function(s) are declared but no {nameof(IQueueReceiver)} is registered, so standalone mode " +
            "cannot deliver their messages. Register the storage adapters, or set Presale:Host:StandaloneTriggers to false.");
        await HostStartup.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        logger.LogInformation("Standalone queue delivery: {Queues}.", string.Join(", ", queues.Select(q => $"{Queue(q)} → {q.Name}")));
        try
        {
            await Task.WhenAll(queues.Select(q => RunQueueAsync(q, receiver, stoppingToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: messages in flight are neither completed nor abandoned; their locks expire.
            return;
        }
    }

    private static string Queue(FunctionDefinition function) =>
        function.QueueName ?? throw new ArgumentException($"{function.Name} is not a queue function.", nameof(function));

    private async Task DeliverAsync(FunctionDefinition function, IQueueReceiver receiver, ReceivedMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var queue = Queue(function);
        if (message.DeliveryCount > settings.MaxDeliveryCount)
        {
            // Delivered before without an outcome (the process stopped mid-run): the count is already spent.
            await receiver.DeadLetterAsync(queue, message, $"MaxDeliveryCountExceeded: delivered {message.DeliveryCount} times (limit {settings.MaxDeliveryCount}).", cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Queue {Queue}: message {MessageId} dead-lettered after {DeliveryCount} deliveries.", queue, message.MessageId, message.DeliveryCount);
            return;
        }

        var locked = new LockedMessage(message);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileRunningAsync(queue, receiver, locked, renewal.Token);
        InvocationOutcome? outcome = null;
        string? failure = null;
        try
        {
            outcome = await invoker.InvokeAsync(function.Name, TriggerInput.ForMessage(message.Body, message.DeliveryCount), cancellationToken).ConfigureAwait(false);
            failure = outcome.Succeeded ? null : $"Function failed: {outcome.Failure!.GetType().Name}: {Truncate(outcome.Failure.Message)}";
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = $"Function could not be invoked: {exception.GetType().Name}: {exception.Message}";
            logger.LogError(exception, "Queue {Queue}: invoking {FunctionName} for message {MessageId} failed.", queue, function.Name, message.MessageId);
        }
        finally
        {
            await renewal.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        var current = locked.Current;
        if (failure is null)
        {
            await receiver.CompleteAsync(queue, current, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (current.DeliveryCount >= settings.MaxDeliveryCount)
        {
            await receiver.DeadLetterAsync(queue, current, $"MaxDeliveryCountExceeded: {failure}", cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Queue {Queue}: message {MessageId} dead-lettered after {DeliveryCount} deliveries: {Reason}", queue, current.MessageId, current.DeliveryCount, failure);
            return;
        }

        await receiver.AbandonAsync(queue, current, settings.AbandonDelay, cancellationToken).ConfigureAwait(false);
        logger.LogWarning("Queue {Queue}: message {MessageId} abandoned (delivery {DeliveryCount} of {Max}): {Reason}", queue, current.MessageId, current.DeliveryCount, settings.MaxDeliveryCount, failure);
    }

    private async Task RenewWhileRunningAsync(string queue, IQueueReceiver receiver, LockedMessage locked, CancellationToken stop)
    {
        var lockDuration = options.Value.LockDuration;
        try
        {
            while (true)
            {
                await Task.Delay(lockDuration / 2, time, stop).ConfigureAwait(false);

                // Not cancelled by `stop`: a renewal under way must finish, or its new lock token would be lost.
                locked.Current = await receiver.RenewLockAsync(queue, locked.Current, lockDuration, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The function finished: renewal ends here.
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The lock may lapse and the message be delivered again: handlers tolerate duplicates.
            logger.LogWarning(exception, "Queue {Queue}: renewing the lock of message {MessageId} failed.", queue, locked.Current.MessageId);
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    private sealed class LockedMessage(ReceivedMessage message)
    {
        public ReceivedMessage Current { get; set; } = message;
    }
}
