using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Presale.Functions.Host;
using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Standalone;

public sealed class TimerTriggerRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static FunctionDefinition Timer(string schedule, bool runOnStartup = false, bool useMonitor = true) =>
        TestDefinitions.Timer("Sweep", schedule, runOnStartup, useMonitor);

    private static TimerTriggerRunner CreateSut(FunctionDefinition function, RecordingInvoker invoker, TimeProvider time, string? zone = null, FunctionRunLocks? locks = null) => new(
        new FunctionCatalog([function]),
        invoker,
        locks ?? new FunctionRunLocks(),
        time,
        HostingMode.Resolve(new ConfigurationBuilder().Build()),
        Options.Create(new FunctionsHostOptions { ScheduleTimeZone = zone }),
        new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
        NullLogger<TimerTriggerRunner>.Instance);

    private static JsonNode Timer(JsonNode payload) => payload["timer"]!;

    [Fact]
    public async Task Run_FiresOnSchedule_WithTheHostsTimerPayload()
    {
        var time = new StepTimeProvider(Start);
        var invoker = new RecordingInvoker(time: time);
        var function = Timer("0 */5 * * * *");
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time).RunAsync(function, stop.Token);

        Assert.Equal(TimeSpan.FromMinutes(5), await time.NextWaitAsync());
        Assert.False(invoker.HasPending);
        time.Advance(TimeSpan.FromMinutes(5));
        var (name, first) = await invoker.NextAsync();
        Assert.Equal(TimeSpan.FromMinutes(5), await time.NextWaitAsync());
        time.Advance(TimeSpan.FromMinutes(5));
        var (_, second) = await invoker.NextAsync();
        await stop.CancelAsync();

        Assert.Equal("Sweep", name);
        Assert.False(Timer(first)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal("0001-01-01T00:00:00", Timer(first)["ScheduleStatus"]!["Last"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:05:00Z", Timer(first)["ScheduleStatus"]!["Next"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:05:00Z", Timer(second)["ScheduleStatus"]!["Last"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:10:00Z", Timer(second)["ScheduleStatus"]!["Next"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:05:00Z", Timer(second)["ScheduleStatus"]!["LastUpdated"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:05:00Z", first["invokedAt"]!.GetValue<string>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_WithRunOnStartup_FiresOnceAtStartThenOnSchedule()
    {
        var time = new StepTimeProvider(Start.AddMinutes(1));
        var invoker = new RecordingInvoker(time: time);
        var function = Timer("0 0 * * * *", runOnStartup: true);
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time).RunAsync(function, stop.Token);

        var (_, startup) = await invoker.NextAsync();
        Assert.Equal(TimeSpan.FromMinutes(59), await time.NextWaitAsync());
        Assert.False(invoker.HasPending);
        time.Advance(TimeSpan.FromMinutes(59));
        var (_, scheduled) = await invoker.NextAsync();
        await stop.CancelAsync();

        Assert.False(Timer(startup)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal("2026-03-02T09:01:00Z", startup["invokedAt"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:01:00Z", Timer(scheduled)["ScheduleStatus"]!["Last"]!.GetValue<string>());
        Assert.Equal("2026-03-02T10:00:00Z", Timer(scheduled)["ScheduleStatus"]!["Next"]!.GetValue<string>());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_WithoutMonitor_SendsNullScheduleStatus()
    {
        var time = new StepTimeProvider(Start);
        var invoker = new RecordingInvoker();
        var function = Timer("0 */5 * * * *", useMonitor: false);
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time).RunAsync(function, stop.Token);

        await time.NextWaitAsync();
        time.Advance(TimeSpan.FromMinutes(5));
        var (_, payload) = await invoker.NextAsync();
        await stop.CancelAsync();

        Assert.True(Timer(payload).AsObject().ContainsKey("ScheduleStatus"));
        Assert.Null(Timer(payload)["ScheduleStatus"]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_AfterAPause_RunsMissedOccurrencesOnceAsPastDue()
    {
        var time = new StepTimeProvider(Start);
        var invoker = new RecordingInvoker(time: time);
        var function = Timer("0 */5 * * * *");
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time).RunAsync(function, stop.Token);
        await time.NextWaitAsync();

        time.Pause();
        time.Advance(TimeSpan.FromHours(3));
        Assert.False(invoker.HasPending);
        time.Resume();
        var (_, caughtUp) = await invoker.NextAsync();
        var wait = await time.NextWaitAsync();
        await stop.CancelAsync();

        Assert.True(Timer(caughtUp)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal("2026-03-02T09:05:00Z", Timer(caughtUp)["ScheduleStatus"]!["Next"]!.GetValue<string>());
        Assert.Equal("2026-03-02T12:00:00Z", caughtUp["invokedAt"]!.GetValue<string>());
        Assert.Equal(1, invoker.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), wait);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_NeverOverlapsRunsOfOneFunction_AndMakesUpAnOverrunOnce()
    {
        var time = new StepTimeProvider(Start);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invoker = new RecordingInvoker((_, _, number) => number == 1 ? release.Task : Task.FromResult(200));
        var function = Timer("0 */5 * * * *");
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time).RunAsync(function, stop.Token);
        await time.NextWaitAsync();

        time.Advance(TimeSpan.FromMinutes(5));
        await invoker.NextAsync();
        time.Advance(TimeSpan.FromMinutes(20));
        Assert.False(invoker.HasPending);
        Assert.False(time.HasPendingWait);
        release.SetResult(200);
        var (_, madeUp) = await invoker.NextAsync();
        var wait = await time.NextWaitAsync();
        await stop.CancelAsync();

        Assert.True(Timer(madeUp)["IsPastDue"]!.GetValue<bool>());
        Assert.Equal("2026-03-02T09:10:00Z", Timer(madeUp)["ScheduleStatus"]!["Next"]!.GetValue<string>());
        Assert.Equal(2, invoker.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), wait);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_AfterAFailedRun_KeepsTheSchedule()
    {
        var time = new StepTimeProvider(Start);
        var invoker = new RecordingInvoker((_, _, number) => number == 1 ? Task.FromResult(500) : throw new HttpRequestException("connection refused"));
        var function = Timer("0 */5 * * * *");
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time).RunAsync(function, stop.Token);

        for (var i = 0; i < 3; i++)
        {
            await time.NextWaitAsync();
            time.Advance(TimeSpan.FromMinutes(5));
            await invoker.NextAsync();
        }

        await stop.CancelAsync();
        Assert.Equal(3, invoker.Count);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Run_InConfiguredTimeZone_ReadsScheduleAsLocalTime()
    {
        var time = new StepTimeProvider(Start);
        var invoker = new RecordingInvoker();
        var function = Timer("0 0 12 * * *");
        using var stop = new CancellationTokenSource();
        var running = CreateSut(function, invoker, time, zone: "Europe/Berlin").RunAsync(function, stop.Token);

        // Noon in Berlin on 2 March (UTC+1) is 11:00Z, two hours after the start.
        Assert.Equal(TimeSpan.FromHours(2), await time.NextWaitAsync());
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }
}
