namespace Presale.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test moves it, and whose one-shot timers fire at once
/// (on the thread pool), recording the delay asked for. Code that waits with <c>Task.Delay(delay, timeProvider)</c>
/// (retry back-off, lease polling) runs without waiting, and the test can assert the delays. Periodic timers are not
/// supported. Use <see cref="ManualTimeProvider"/> when a test needs timers to fire in clock order instead.
/// </summary>
public sealed class InstantDelayTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now;

    /// <summary>Starts at <paramref name="start"/> (default 2026-03-02T09:00:00Z).</summary>
    public InstantDelayTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The delays timers were created with, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward (no timer is waiting: they all fired at once).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
        {
            throw new NotSupportedException("Periodic timers are not supported by InstantDelayTimeProvider.");
        }

        var timer = new InstantTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!timer.Disposed)
                {
                    callback(state);
                }
            });
        }

        return timer;
    }

    private sealed class InstantTimer : ITimer
    {
        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;

        public void Dispose() => Disposed = true;

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
