namespace Presale.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> that moves only when a test moves it. Timers created from it fire, in due order,
/// when <see cref="Advance"/> or <see cref="SetUtcNow"/> passes their due time — every time they fall due on the way,
/// also when a timer re-arms itself from its own callback (<see cref="ITimer.Change"/>). Tests use
/// <c>FakeTimeProvider</c> otherwise; this one stays for code whose waits re-arm a timer from its callback (the timer
/// runner's and the queue pump's), which <c>FakeTimeProvider.Advance</c> fires only once per call however far it
/// moves the clock (dotnet/extensions#5722).
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    /// <summary>Starts at <paramref name="start"/> (default <see cref="TestClock.Start"/>).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? TestClock.Start;

    /// <summary>The time zone <see cref="TimeProvider.GetLocalNow"/> uses; UTC unless set.</summary>
    public TimeZoneInfo LocalZone { get; set; } = TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => LocalZone;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves time forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        SetUtcNow(GetUtcNow() + by);
    }

    /// <summary>Moves time to <paramref name="target"/>, firing every timer that falls due on the way, in order.</summary>
    public void SetUtcNow(DateTimeOffset target)
    {
        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt is { } due && due <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    if (target > _now)
                    {
                        _now = target;
                    }

                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }

                next.Reschedule(_now);
            }

            next.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                if (!owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }
            }

            return true;
        }

        public void Reschedule(DateTimeOffset firedAt) =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : firedAt + _period;

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                DueAt = null;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
