using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Presale.Functions.Standalone;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Standalone;

/// <summary>The standalone runner inside the real app: it calls the function through <c>POST /{FunctionName}</c>.</summary>
public sealed class StandaloneTriggerTests
{
    [Fact]
    public async Task TimerFunction_FiresOnItsScheduleThroughTheInvocationEndpoint()
    {
        var time = new StepTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var function = new RecordingFunction("Sweep");
        // Only this timer is declared, so the runner's only wait is its schedule.
        var definitions = TestDefinitions.Only(("Sweep", TestDefinitions.Timer("*/10 * * * * *")));
        await using var app = new PresaleApp(definitions)
            .With("Presale:Host:StandaloneTriggers", "true")
            .WithTime(time)
            .WithServices(function.Register);
        var runner = app.Services.GetServices<IHostedService>().OfType<TimerTriggerRunner>().Single();

        Assert.Equal(TimeSpan.FromSeconds(10), await time.NextWaitAsync());
        Assert.False(runner.ExecuteTask!.IsCompleted);
        Assert.False(function.HasPending);
        time.Advance(TimeSpan.FromSeconds(10));
        var invocation = await function.NextAsync();

        var timer = invocation.Read<TimerInfo>("timer")!;
        Assert.False(timer.IsPastDue);
        Assert.True(timer.Schedule.AdjustForDST);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 10, TimeSpan.Zero), timer.ScheduleStatus!.Next);
        Assert.Equal("Sweep", invocation.FunctionName);
        Assert.True(Guid.TryParse(invocation.InvocationId, out _));
    }

    [Fact]
    public async Task TimerFunction_UnderFunctionsHost_IsLeftToTheHost()
    {
        var time = new StepTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var function = new RecordingFunction("Sweep");
        var definitions = TestDefinitions.WithExtra(("Sweep", TestDefinitions.Timer("0 */5 * * * *", runOnStartup: true)));
        await using var app = new PresaleApp(definitions)
            .With("Presale:Host:StandaloneTriggers", "true")
            .UnderFunctionsHost()
            .WithTime(time)
            .WithServices(function.Register);
        var runner = app.Services.GetServices<IHostedService>().OfType<TimerTriggerRunner>().Single();

        // The runner returns at once (a standalone runner never returns): it scheduled nothing and ran nothing, not
        // even the runOnStartup run.
        await runner.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(30));
        Assert.False(time.HasPendingWait);
        Assert.False(function.HasPending);
    }

    private sealed record TimerInfo(TimerSchedule Schedule, TimerScheduleStatus? ScheduleStatus, bool IsPastDue);

    private sealed record TimerSchedule(bool AdjustForDST);

    private sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
}
