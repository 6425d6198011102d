using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Presale.Functions.Host.Standalone;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Standalone;

/// <summary>The standalone runner inside the real app: it calls the function's method, declared only by its functions.metadata entry.</summary>
public sealed class StandaloneTriggerTests
{
    [Fact]
    public async Task TimerFunction_FiresOnItsScheduleWithTheTimerInfoTheHostWouldPass()
    {
        var time = new StepTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var function = new RecordingFunction("Sweep");
        // Only this timer is declared, so the runner's only wait is its schedule.
        var definitions = TestDefinitions.Only(function.TimerEntry("*/10 * * * * *"));
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

        var timer = invocation.Timer!;
        Assert.False(timer.IsPastDue);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 10, DateTimeKind.Utc), timer.ScheduleStatus!.Next);
        Assert.Equal(DateTime.MinValue, timer.ScheduleStatus.Last);
    }

    [Fact]
    public async Task TimerFunction_UnderFunctionsHost_IsLeftToTheHost()
    {
        var time = new StepTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var function = new RecordingFunction("Sweep");
        var definitions = TestDefinitions.WithExtra(function.TimerEntry("0 */5 * * * *", runOnStartup: true));
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
}
