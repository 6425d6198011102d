namespace Presale.Functions.Host;

/// <summary>
/// A clock running <see cref="Offset"/> ahead of (or behind) another one. Timers and timestamps are the inner clock's:
/// only the wall-clock reading moves, so delays keep their real length.
/// </summary>
public sealed class OffsetTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;

    /// <summary>Wraps <paramref name="inner"/>, shifted by <paramref name="offset"/>.</summary>
    public OffsetTimeProvider(TimeProvider inner, TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        Offset = offset;
    }

    /// <summary>How far this clock reads from the inner one.</summary>
    public TimeSpan Offset { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override long GetTimestamp() => _inner.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
