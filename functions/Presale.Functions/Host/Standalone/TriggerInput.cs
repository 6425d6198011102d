using Microsoft.Azure.Functions.Worker;

namespace Presale.Functions.Host.Standalone;

/// <summary>What a timer or queue trigger hands its function in standalone mode, as the Functions host would.</summary>
/// <param name="Timer">Timer: the schedule status and whether the run is past due.</param>
/// <param name="Message">Queue: the message body.</param>
/// <param name="DequeueCount">Queue: how many times the message has been delivered, this delivery included.</param>
public sealed record TriggerInput(TimerInfo? Timer, string? Message, long DequeueCount)
{
    /// <summary>A timer trigger.</summary>
    public static TriggerInput ForTimer(TimerInfo timer) => new(timer, null, 0);

    /// <summary>A queue trigger.</summary>
    public static TriggerInput ForMessage(string message, long dequeueCount) => new(null, message, dequeueCount);
}
