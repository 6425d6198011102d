namespace Presale.Functions.Tests.Support;

/// <summary>The system clock moved by an offset the test sets (days pass at once); timers still wait real time.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    /// <summary>A clock that reads <paramref name="now"/> now and runs on from there.</summary>
    public static ShiftedTimeProvider StartingAt(DateTimeOffset now)
    {
        var time = new ShiftedTimeProvider();
        time.Shift(now - System.GetUtcNow());
        return time;
    }

    /// <summary>Moves the clock by <paramref name="by"/>.</summary>
    public void Shift(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Moves the clock to <paramref name="instant"/> (which must be later than now).</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        var by = instant - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "The clock only moves forward.");
        }

        Shift(by);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
