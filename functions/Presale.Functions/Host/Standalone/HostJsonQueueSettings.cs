using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Gives standalone queue delivery the Storage Queue trigger's settings from host.json (<c>extensions.queues</c>, the
/// section the Functions host reads): <c>maxDequeueCount</c> (deliveries before <c>&lt;queue&gt;-poison</c>),
/// <c>visibilityTimeout</c> (how long a failed message stays hidden), <c>batchSize</c> and <c>maxPollingInterval</c>
/// (the longest wait between polls of an empty queue). Settings under <c>Presale:QueuePump</c> still override them.
/// </summary>
public sealed class HostJsonQueueSettings(string hostJsonPath) : IConfigureOptions<QueuePumpOptions>
{
    /// <summary>host.json next to the app.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <inheritdoc />
    public void Configure(QueuePumpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(hostJsonPath) || JsonNode.Parse(File.ReadAllText(hostJsonPath))?["extensions"]?["queues"] is not JsonObject queues)
        {
            return;
        }

        if (queues["maxDequeueCount"] is { } maxDequeueCount)
        {
            options.MaxDeliveryCount = maxDequeueCount.GetValue<int>();
        }

        if (queues["batchSize"] is { } batchSize)
        {
            options.BatchSize = batchSize.GetValue<int>();
        }

        if (queues["visibilityTimeout"] is { } visibilityTimeout)
        {
            options.AbandonDelay = Duration(visibilityTimeout, "visibilityTimeout");
        }

        if (queues["maxPollingInterval"] is { } maxPollingInterval)
        {
            options.MaxIdleDelay = Duration(maxPollingInterval, "maxPollingInterval");
            options.MinIdleDelay = options.MinIdleDelay < options.MaxIdleDelay ? options.MinIdleDelay : options.MaxIdleDelay;
        }
    }

    private TimeSpan Duration(JsonNode value, string name) =>
        TimeSpan.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, out var duration)
            ? duration
            : throw new InvalidOperationException($"{hostJsonPath}: extensions.queues.{name} '{value}' is not a time span (hh:mm:ss).");
}
