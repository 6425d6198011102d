namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Standalone delivery of queue messages to <c>queueTrigger</c> functions (section <c>Presale:QueuePump</c>). Where
/// host.json's <c>extensions.queues</c> sets one, that is the default (<see cref="HostJsonQueueSettings"/>): standalone
/// mode delivers as the Functions host would.
/// </summary>
public sealed class QueuePumpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:QueuePump";

    /// <summary>Deliveries after which a failing message is dead-lettered (to <c>{queue}-poison</c>). host.json <c>maxDequeueCount</c>; else 10.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a received message stays locked (hidden); renewed at half-time while its function runs. Default 1 minute.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages taken per receive and handled concurrently, per queue (1–32). host.json <c>batchSize</c>; else 4.</summary>
    public int BatchSize { get; set; } = 4;

    /// <summary>The first wait after an empty receive; it doubles while the queue stays empty. Default 1 second.</summary>
    public TimeSpan MinIdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between receives of an empty queue. host.json <c>maxPollingInterval</c>; else 10 seconds.</summary>
    public TimeSpan MaxIdleDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a failed message stays hidden before its next delivery. host.json <c>visibilityTimeout</c>; else zero.</summary>
    public TimeSpan AbandonDelay { get; set; } = TimeSpan.Zero;
}
