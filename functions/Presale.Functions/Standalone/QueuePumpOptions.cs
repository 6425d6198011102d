namespace Presale.Functions.Standalone;

/// <summary>
/// Standalone delivery of queue messages to <c>serviceBusTrigger</c> functions (section <c>Presale:QueuePump</c>).
/// Defaults follow Service Bus and the Functions Service Bus extension.
/// </summary>
public sealed class QueuePumpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:QueuePump";

    /// <summary>Deliveries after which a failing message is dead-lettered (to <c>{queue}-poison</c>). Default 10, as Service Bus.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a received message stays locked (hidden); renewed at half-time while its function runs. Default 1 minute.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages taken per receive and handled concurrently, per queue (1–32). Default 4.</summary>
    public int BatchSize { get; set; } = 4;

    /// <summary>The first wait after an empty receive; it doubles while the queue stays empty. Default 1 second.</summary>
    public TimeSpan MinIdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between receives of an empty queue. Default 10 seconds.</summary>
    public TimeSpan MaxIdleDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an abandoned (failed) message stays hidden before its next delivery. Default zero, as Service Bus.</summary>
    public TimeSpan AbandonDelay { get; set; } = TimeSpan.Zero;
}
