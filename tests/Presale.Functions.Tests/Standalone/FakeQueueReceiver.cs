using Presale.Application.Messaging;

namespace Presale.Functions.Tests.Standalone;

/// <summary>
/// An in-memory queue with storage-queue semantics: receiving hides a message for the lock duration and counts the
/// delivery; every settle operation needs the current lock token (pop receipt), so a lost renewal shows up.
/// </summary>
internal sealed class FakeQueueReceiver(TimeProvider time) : IQueueReceiver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Entry>> _queues = new(StringComparer.Ordinal);

    public List<string> Created { get; } = [];

    public List<ReceivedMessage> Completed { get; } = [];

    public List<(ReceivedMessage Message, string Reason)> DeadLettered { get; } = [];

    public int Renewals { get; private set; }

    public void Send(string queue, string messageId, string body, string? correlationId = null, string? subject = null, long deliveredBefore = 0)
    {
        lock (_gate)
        {
            Queue(queue).Add(new Entry
            {
                Id = Guid.NewGuid().ToString(),
                MessageId = messageId,
                Body = body,
                CorrelationId = correlationId,
                Subject = subject,
                EnqueuedAt = time.GetUtcNow(),
                VisibleAt = time.GetUtcNow(),
                DeliveryCount = deliveredBefore,
            });
        }
    }

    public int Count(string queue)
    {
        lock (_gate)
        {
            return Queue(queue).Count;
        }
    }

    public Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Queue(queue);
            Created.Add(queue);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var taken = Queue(queue).Where(e => e.VisibleAt <= now).Take(maxMessages).ToList();
            foreach (var entry in taken)
            {
                entry.DeliveryCount++;
                entry.PopReceipt = Guid.NewGuid().ToString();
                entry.VisibleAt = now + lockDuration;
            }

            return Task.FromResult<IReadOnlyList<ReceivedMessage>>(taken.Select(e => e.ToMessage()).ToList());
        }
    }

    public Task<ReceivedMessage> RenewLockAsync(string queue, ReceivedMessage message, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = Locked(queue, message);
            entry.PopReceipt = Guid.NewGuid().ToString();
            entry.VisibleAt = time.GetUtcNow() + lockDuration;
            Renewals++;
            return Task.FromResult(entry.ToMessage());
        }
    }

    public Task<ReceivedMessage> AbandonAsync(string queue, ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var entry = Locked(queue, message);
            entry.PopReceipt = Guid.NewGuid().ToString();
            entry.VisibleAt = time.GetUtcNow() + delay;
            return Task.FromResult(entry.ToMessage());
        }
    }

    public Task CompleteAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Queue(queue).Remove(Locked(queue, message));
            Completed.Add(message);
        }

        return Task.CompletedTask;
    }

    public Task DeadLetterAsync(string queue, ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Queue(queue).Remove(Locked(queue, message));
            DeadLettered.Add((message, reason));
        }

        return Task.CompletedTask;
    }

    private List<Entry> Queue(string queue)
    {
        if (!_queues.TryGetValue(queue, out var entries))
        {
            entries = [];
            _queues[queue] = entries;
        }

        return entries;
    }

    private Entry Locked(string queue, ReceivedMessage message) =>
        Queue(queue).SingleOrDefault(e => e.Id == message.QueueMessageId && e.PopReceipt == message.PopReceipt)
        ?? throw new InvalidOperationException($"Message {message.MessageId}: the pop receipt is not the current one (lock lost).");

    private sealed class Entry
    {
        public required string Id { get; init; }

        public required string MessageId { get; init; }

        public required string Body { get; init; }

        public string? CorrelationId { get; init; }

        public string? Subject { get; init; }

        public DateTimeOffset EnqueuedAt { get; init; }

        public DateTimeOffset VisibleAt { get; set; }

        public long DeliveryCount { get; set; }

        public string PopReceipt { get; set; } = string.Empty;

        public ReceivedMessage ToMessage() =>
            new(Id, PopReceipt, DeliveryCount, EnqueuedAt, EnqueuedAt.AddDays(14), MessageId, Body, CorrelationId, Subject);
    }
}
