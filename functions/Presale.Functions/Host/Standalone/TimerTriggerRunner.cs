using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Presale.Functions.Host.Catalog;
using FunctionDefinition = Presale.Functions.Host.Catalog.FunctionDefinition;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Standalone mode's timer trigger: fires every <c>timerTrigger</c> function of <c>functions.metadata</c> on its NCRONTAB
/// schedule through <see cref="IFunctionInvoker"/>, with the <see cref="TimerInfo"/> the host would pass. Runs of one function never overlap, admin runs included (<see cref="FunctionRunLocks"/>); <c>runOnStartup</c>
/// fires once at start; occurrences missed while the process was paused, or while a run (scheduled or manual) overran,
/// are made up by one run with <c>IsPastDue = true</c>, not one per occurrence. All time comes from the injected
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class TimerTriggerRunner(
    FunctionCatalog catalog,
    IFunctionInvoker invoker,
    FunctionRunLocks locks,
    TimeProvider time,
    HostingMode mode,
    IOptions<FunctionsHostOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<TimerTriggerRunner> logger) : BackgroundService
{
    /// <summary>A run that starts later than this after its occurrence is past due.</summary>
    public static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait; longer waits are taken in steps (timers cannot wait ~50 days).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    /// <summary>Runs the schedule of one timer function until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(FunctionDefinition function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var schedule = function.Schedule ?? throw new ArgumentException($"{function.Name} is not a timer function.", nameof(function));
        var zone = ScheduleZone(options.Value);
        DateTimeOffset? last = null;
        DateTimeOffset? lastUpdated = null;
        var next = schedule.GetNextOccurrence(time.GetUtcNow(), zone);

        if (function.RunOnStartup)
        {
            using (await locks.AcquireAsync(function.Name, cancellationToken).ConfigureAwait(false))
            {
                var startedAt = time.GetUtcNow();
                await FireAsync(function, Status(null, next ?? startedAt, null), isPastDue: false, cancellationToken).ConfigureAwait(false);
                (last, lastUpdated) = (startedAt, time.GetUtcNow());
            }
        }

        while (next is { } occurrence)
        {
            var wait = occurrence - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < MaxWait ? wait : MaxWait, time, cancellationToken).ConfigureAwait(false);
                if (time.GetUtcNow() < occurrence)
                {
                    continue;
                }
            }

            // An admin run of the same function may hold the lock: this run starts after it, past due if it is late.
            bool isPastDue;
            using (await locks.AcquireAsync(function.Name, cancellationToken).ConfigureAwait(false))
            {
                isPastDue = time.GetUtcNow() - occurrence > PastDueTolerance;
                await FireAsync(function, Status(last, occurrence, lastUpdated), isPastDue, cancellationToken).ConfigureAwait(false);
                (last, lastUpdated) = (occurrence, time.GetUtcNow());
            }

            // After a late run, continue from now: the missed occurrences were made up by this one run.
            next = schedule.GetNextOccurrence(isPastDue ? time.GetUtcNow() : occurrence, zone);
        }

        logger.LogWarning("Timer function {FunctionName}: schedule '{Schedule}' has no further occurrence.", function.Name, schedule);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timers = catalog.OfKind(TriggerKind.Timer).ToArray();
        if (!mode.IsStandalone || !options.Value.StandaloneTriggers || timers.Length == 0)
        {
            return;
        }

        await HostStartup.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        logger.LogInformation("Standalone timer trigger: {Count} function(s), schedules read in {TimeZone}.", timers.Length, ScheduleZone(options.Value).Id);
        try
        {
            await Task.WhenAll(timers.Select(t => RunAsync(t, stoppingToken))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
            return;
        }
    }

    /// <summary>The zone schedules are read in: <see cref="FunctionsHostOptions.ScheduleTimeZone"/>, else UTC.</summary>
    internal static TimeZoneInfo ScheduleZone(FunctionsHostOptions options) =>
        options.ScheduleTimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;

    private async Task FireAsync(FunctionDefinition function, ScheduleStatus status, bool isPastDue, CancellationToken cancellationToken)
    {
        var timer = new TimerInfo { ScheduleStatus = function.UseMonitor ? status : null, IsPastDue = isPastDue };
        try
        {
            var outcome = await invoker.InvokeAsync(function.Name, TriggerInput.ForTimer(timer), cancellationToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                logger.LogWarning("Timer function {FunctionName} failed (invocation {InvocationId}): {Failure}",
                    function.Name, outcome.InvocationId, outcome.Failure!.Message);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failed run must not stop the schedule: the next occurrence runs as usual, as in the Functions host.
            logger.LogError(exception, "Timer function {FunctionName} could not be invoked.", function.Name);
        }
    }

    /// <summary>The schedule status the host passes: instants in UTC, <see cref="DateTime.MinValue"/> for "never".</summary>
    internal static ScheduleStatus Status(DateTimeOffset? last, DateTimeOffset next, DateTimeOffset? lastUpdated) => new()
    {
        Last = last?.UtcDateTime ?? DateTime.MinValue,
        Next = next.UtcDateTime,
        LastUpdated = lastUpdated?.UtcDateTime ?? DateTime.MinValue,
    };
}
