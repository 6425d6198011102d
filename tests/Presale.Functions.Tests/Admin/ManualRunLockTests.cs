using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Presale.Functions.Host;
using Presale.Functions.Host.Admin;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Admin;

/// <summary>
/// Admin runs and the standalone timer runner share one run lock per timer function: a manual run waits for a
/// scheduled run of the same function and the other way round, while runs of different functions do not wait.
/// The functions are gated (their invocation completes only when the test says so) and time is a fake clock.
/// </summary>
public sealed class ManualRunLockTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static FunctionDefinition Timer(string name) =>
        TestDefinitions.Timer(name, "0 */5 * * * *");

    private static TriggerInput ManualTimerPayload() =>
        TriggerInput.ForTimer(new Microsoft.Azure.Functions.Worker.TimerInfo { IsPastDue = false });

    private static TimerTriggerRunner Runner(FunctionDefinition function, RecordingInvoker invoker, FunctionRunLocks locks, TimeProvider time) => new(
        new FunctionCatalog([function]),
        invoker,
        locks,
        time,
        HostingMode.Resolve(new ConfigurationBuilder().Build()),
        Options.Create(new FunctionsHostOptions()),
        new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
        NullLogger<TimerTriggerRunner>.Instance);

    private static async Task<(ManualRunService Service, ManualRunQueue Queue)> StartManualRunsAsync(RecordingInvoker invoker, FunctionRunLocks locks)
    {
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var queue = new ManualRunQueue();
        var service = new ManualRunService(queue, invoker, locks, lifetime, NullLogger<ManualRunService>.Instance);
        await service.StartAsync(TestContext.Current.CancellationToken);
        lifetime.NotifyStarted();
        return (service, queue);
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> runs of <paramref name="function"/> wait for its lock.</summary>
    private static async Task WaitersAsync(FunctionRunLocks locks, string function, int count)
    {
        var clock = Stopwatch.StartNew();
        while (locks.Waiting(function) != count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{locks.Waiting(function)} run(s) of {function} wait for its lock, expected {count}.");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    private static JsonNode TimerData(JsonNode payload) => payload["timer"]!;

    [Fact]
    public async Task ManualRun_WhileAScheduledRunOfTheSameTimerIsUnderWay_WaitsForIt()
    {
        var time = new StepTimeProvider(Start);
        var scheduledDone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker((_, _, number) => number == 1 ? scheduledDone.Task : Task.FromResult(200));
        var locks = new FunctionRunLocks();
        var sweep = Timer("Sweep");
        using var stop = new CancellationTokenSource();
        var schedule = Runner(sweep, invoker, locks, time).RunAsync(sweep, stop.Token);
        var (service, queue) = await StartManualRunsAsync(invoker, locks);

        await time.NextWaitAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        var (_, scheduled) = await invoker.NextAsync();
        queue.Enqueue(new ManualRun("Sweep", TriggerKind.Timer, ManualTimerPayload()));
        await WaitersAsync(locks, "Sweep", 1);
        Assert.False(invoker.HasPending);

        scheduledDone.SetResult(200);
        var (_, manual) = await invoker.NextAsync();

        Assert.NotNull(TimerData(scheduled)["ScheduleStatus"]);
        Assert.Null(TimerData(manual)["ScheduleStatus"]);
        Assert.Equal(2, invoker.Count);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => schedule);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ScheduledRun_WhileAManualRunOfTheSameTimerOverruns_StartsAfterItPastDue()
    {
        var time = new StepTimeProvider(Start);
        var manualDone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker((_, _, number) => number == 1 ? manualDone.Task : Task.FromResult(200), time);
        var locks = new FunctionRunLocks();
        var sweep = Timer("Sweep");
        using var stop = new CancellationTokenSource();
        var schedule = Runner(sweep, invoker, locks, time).RunAsync(sweep, stop.Token);
        var (service, queue) = await StartManualRunsAsync(invoker, locks);
        await time.NextWaitAsync();

        queue.Enqueue(new ManualRun("Sweep", TriggerKind.Timer, ManualTimerPayload()));
        await invoker.NextAsync();
        time.Advance(TimeSpan.FromMinutes(7));
        await WaitersAsync(locks, "Sweep", 1);
        Assert.False(invoker.HasPending);

        manualDone.SetResult(200);
        var (_, scheduled) = await invoker.NextAsync();

        Assert.True(TimerData(scheduled)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal("2026-03-02T09:05:00Z", TimerData(scheduled)["ScheduleStatus"]!["Next"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:07:00Z", scheduled["invokedAt"]!.GetValue<string>());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => schedule);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ManualRuns_OfDifferentFunctions_DoNotWaitForEachOther()
    {
        var firstDone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker((_, _, number) => number == 1 ? firstDone.Task : Task.FromResult(200));
        var locks = new FunctionRunLocks();
        var (service, queue) = await StartManualRunsAsync(invoker, locks);

        queue.Enqueue(new ManualRun("Slow", TriggerKind.Timer, ManualTimerPayload()));
        var (first, _) = await invoker.NextAsync();
        queue.Enqueue(new ManualRun("Other", TriggerKind.Timer, ManualTimerPayload()));
        var (second, _) = await invoker.NextAsync();

        Assert.Equal("Slow", first);
        Assert.Equal("Other", second);
        Assert.False(firstDone.Task.IsCompleted);
        firstDone.SetResult(200);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ManualRuns_OfOneTimer_RunOneAtATimeInArrivalOrder()
    {
        var gates = new[] { new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously) };
        var invoker = new RecordingInvoker((_, _, number) => number <= 2 ? gates[number - 1].Task : Task.FromResult(200));
        var locks = new FunctionRunLocks();
        var (service, queue) = await StartManualRunsAsync(invoker, locks);
        var sweep = Timer("Sweep");

        queue.Enqueue(new ManualRun("Sweep", TriggerKind.Timer, ManualTimerPayload()));
        await invoker.NextAsync();
        queue.Enqueue(new ManualRun("Sweep", TriggerKind.Timer, ManualTimerPayload()));
        await WaitersAsync(locks, "Sweep", 1);
        Assert.False(invoker.HasPending);
        gates[0].SetResult(200);
        await invoker.NextAsync();
        gates[1].SetResult(200);

        Assert.Equal(2, invoker.Count);
        await service.StopAsync(CancellationToken.None);
    }
}
