using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Presale.Functions.Tests.Support;

/// <summary>
/// A test function the app finds through its <c>functions.metadata</c> entry (<see cref="TimerEntry"/>,
/// <see cref="QueueEntry"/>), backed by <see cref="RecordingTimerFunction"/> or <see cref="RecordingQueueFunction"/>:
/// records each invocation and runs what the test gives it.
/// </summary>
internal sealed class RecordingFunction(string name, Func<RecordedInvocation, CancellationToken, Task>? behaviour = null)
{
    private readonly Channel<RecordedInvocation> _invocations = Channel.CreateUnbounded<RecordedInvocation>();

    public string Name => name;

    /// <summary>Its metadata entry as a timer function.</summary>
    public JsonObject TimerEntry(string schedule, bool runOnStartup = false) =>
        TestDefinitions.TimerEntry(name, schedule, $"{typeof(RecordingTimerFunction).FullName}.{nameof(RecordingTimerFunction.RunAsync)}", runOnStartup);

    /// <summary>Its metadata entry as a queue function.</summary>
    public JsonObject QueueEntry(string queue) =>
        TestDefinitions.QueueEntry(name, queue, $"{typeof(RecordingQueueFunction).FullName}.{nameof(RecordingQueueFunction.RunAsync)}");

    public async Task RecordAsync(RecordedInvocation invocation, CancellationToken cancellationToken)
    {
        _invocations.Writer.TryWrite(invocation);
        if (behaviour is not null)
        {
            await behaviour(invocation, cancellationToken);
        }
    }

    /// <summary>The next invocation (a guard timeout fails the test instead of hanging it).</summary>
    public async Task<RecordedInvocation> NextAsync() =>
        await _invocations.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Whether an invocation is waiting to be read.</summary>
    public bool HasPending => _invocations.Reader.TryPeek(out _);

    /// <summary>Registers this instance as the recorder of the app's test functions.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton(this);
}

/// <summary>What a test function was invoked with.</summary>
internal sealed record RecordedInvocation(TimerInfo? Timer, string? Message, long DequeueCount);

/// <summary>A timer test function: hands its input to the app's <see cref="RecordingFunction"/>.</summary>
public sealed class RecordingTimerFunction(IServiceProvider services)
{
    [Function("RecordingTimer")]
    public Task RunAsync([TimerTrigger("%RecordingTimerSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        services.GetRequiredService<RecordingFunction>().RecordAsync(new RecordedInvocation(timer, null, 0), cancellationToken);
}

/// <summary>A queue test function: hands its input to the app's <see cref="RecordingFunction"/>.</summary>
public sealed class RecordingQueueFunction(IServiceProvider services)
{
    [Function("RecordingQueue")]
    public Task RunAsync([QueueTrigger("recording")] string message, long dequeueCount, CancellationToken cancellationToken) =>
        services.GetRequiredService<RecordingFunction>().RecordAsync(new RecordedInvocation(null, message, dequeueCount), cancellationToken);
}
