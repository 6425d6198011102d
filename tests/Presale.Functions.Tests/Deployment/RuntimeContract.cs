namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// THE CONTRACT of the isolated-worker runtime, written down here until the code declares it: the worker runtime,
/// the queue triggers (<c>[QueueTrigger]</c> with literal queue names on host storage), the timer triggers
/// (<c>[TimerTrigger("%&lt;FunctionName&gt;Schedule%")]</c>) with today's schedules, the integration-event topic and
/// the settings that go away. When the functions carry these attributes, read the triggers from the build's
/// <c>functions.metadata</c> into <see cref="AppRequirements.AddQueueTrigger"/> and
/// <see cref="AppRequirements.AddTimerTrigger"/> instead, and delete the lists here that the code then says.
/// </summary>
internal static class RuntimeContract
{
    /// <summary>The worker: .NET isolated on .NET 10.</summary>
    public static readonly (string Name, string Version) WorkerRuntime = ("dotnet-isolated", "10.0");

    /// <summary>Queue functions on storage queues of host storage.</summary>
    public static readonly IReadOnlyList<(string Function, string Queue)> QueueTriggers =
    [
        ("ReconcileSku", "reconcile"),
        ("DeliverNotification", "notifications"),
    ];

    /// <summary>Timer functions and today's schedule of each (NCRONTAB with seconds, UTC).</summary>
    public static readonly IReadOnlyDictionary<string, string> TimerSchedules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OrderSagaSweeper"] = "0 * * * * *",
        ["OutboxSweeper"] = "0 * * * * *",
        ["SupplierOutboxSweeper"] = "50 * * * * *",
        ["OverdueLotSweeper"] = "0 7 * * * *",
        ["CompensateLateOrders"] = "0 */5 * * * *",
        ["ExpireDelayConsents"] = "0 */5 * * * *",
        ["TriageReturns"] = "0 */5 * * * *",
    };

    /// <summary>The setting naming the integration-event topic.</summary>
    public const string EventsTopicSetting = "Presale__Events__Topic";

    /// <summary>The Service Bus connection integration events are published through.</summary>
    public const string ServiceBusConnection = "ServiceBusConnection";

    /// <summary>Adds the contract to <paramref name="app"/>.</summary>
    public static void AddTo(AppRequirements app)
    {
        app.WorkerRuntime = WorkerRuntime;
        foreach (var (function, queue) in QueueTriggers)
        {
            app.AddQueueTrigger(function, queue, connection: null);
        }

        foreach (var (function, schedule) in TimerSchedules)
        {
            var setting = $"{function}Schedule";
            app.AddTimerTrigger(function, $"%{setting}%");
            app.SettingValues[setting] = (schedule, $"today's schedule of {function}");
        }

        app.AddEventsTopic(EventsTopicSetting, ServiceBusConnection);
        app.RetiredSettings["Presale__Messaging__Transport"] = "the queue functions are triggered by storage queues only";
    }
}
