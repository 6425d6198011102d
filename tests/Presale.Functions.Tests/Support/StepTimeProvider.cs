using System.Threading.Channels;
using Presale.Testing;

namespace Presale.Functions.Tests.Support;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that tells the test when code under test starts waiting (so the test advances
/// time only once it is waiting, with no sleeps), and that can be paused like a suspended process: while paused, time
/// moves but due timers fire only on <see cref="Resume"/>.
/// </summary>
internal sealed class StepTimeProvider(DateTimeOffset? start = null) : TimeProvider
{
    private readonly ManualTimeProvider _inner = new(start);
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();
    private readonly Lock _gate = new();
    private readonly List<Action> _deferred = [];
    private bool _paused;

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(
            s =>
            {
                lock (_gate)
                {
                    if (_paused)
                    {
                        _deferred.Add(() => callback(s));
                        return;
                    }
                }

                callback(s);
            },
            state,
            dueTime,
            period);
        _waits.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The length of the next wait the code under test starts.</summary>
    public async Task<TimeSpan> NextWaitAsync() =>
        await _waits.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Whether a wait was started and not yet read.</summary>
    public bool HasPendingWait => _waits.Reader.TryPeek(out _);

    public void Advance(TimeSpan by) => _inner.Advance(by);

    /// <summary>From now on, due timers wait for <see cref="Resume"/>.</summary>
    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
        }
    }

    /// <summary>Fires the timers that fell due while paused.</summary>
    public void Resume()
    {
        Action[] deferred;
        lock (_gate)
        {
            _paused = false;
            deferred = [.. _deferred];
            _deferred.Clear();
        }

        foreach (var fire in deferred)
        {
            fire();
        }
    }
}
