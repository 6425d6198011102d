namespace Presale.Application.IntegrationEvents;

/// <summary>
/// Integration events: the Service Bus topic they are published to and how it is reached (section
/// <c>Presale:Events</c>, environment form <c>Presale__Events__*</c>). Without <see cref="Topic"/> no integration event
/// is written or sent; customer notifications still reach the shop's webhook. Checked at start; each failure names its
/// setting.
/// </summary>
public sealed class IntegrationEventsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Events";

    /// <summary>
    /// The topic events are published to (1–260 characters of letters, digits, '.', '-', '_' and '/'). Default none:
    /// integration events are off. Azure sets <c>events</c>, a topic with duplicate detection.
    /// </summary>
    public string? Topic { get; set; }

    /// <summary>
    /// The name of the Service Bus connection setting: a connection string under that name, or
    /// <c>{name}__fullyQualifiedNamespace</c> with <c>{name}__credential=managedidentity</c> (and <c>{name}__clientId</c>
    /// for a user-assigned identity; without <c>__credential</c>, DefaultAzureCredential). Default <c>ServiceBusConnection</c>.
    /// </summary>
    public string Connection { get; set; } = "ServiceBusConnection";

    /// <summary>AMQP over WebSockets on port 443 instead of AMQP over TCP on 5671 (where a firewall blocks 5671). Default false.</summary>
    public bool UseWebSockets { get; set; }

    /// <summary>
    /// Retries of a failed send inside one publish (0–10). Default 1: a publish that still fails leaves the event in its
    /// outbox, and the outbox sweeper publishes it again, so a request that publishes right after its commit waits at
    /// most (retries + 1) × <see cref="TryTimeout"/> plus the back-off during an outage, never through it.
    /// </summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>The first back-off between retries, doubled per retry with jitter (more than 0, at most 1 minute). Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest back-off (at least <see cref="RetryDelay"/>, at most 1 minute). Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one send attempt (connecting and authenticating included) may take (1 s – 1 minute). Default 5 s.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a send failed, how long publishes fail at once instead of trying the topic again (1 s – 10 minutes). Default
    /// 30 s: during an outage only one publish per break waits through the attempts; the events wait in their outboxes.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when <see cref="Topic"/> is set: events are written to outboxes and published.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Topic);
}
