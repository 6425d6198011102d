namespace Presale.Application.Notifications;

/// <summary>
/// The wait before the next webhook attempt: exponential (<c>initial × 2^(n−1)</c> after the n-th failed attempt),
/// with "equal jitter" (a random point in the upper half, so concurrent senders spread out but never retry at once),
/// at least the receiver's <c>Retry-After</c>, and never more than the maximum.
/// </summary>
public static class RetryBackoff
{
    /// <summary>
    /// The delay after <paramref name="failedAttempts"/> (≥ 1) failed attempts; <paramref name="unit"/> is a uniform
    /// random number in [0, 1).
    /// </summary>
    public static TimeSpan Delay(int failedAttempts, TimeSpan initial, TimeSpan maximum, TimeSpan? retryAfter, double unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(unit, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, 1d);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ceiling = Math.Min(initial.Ticks * Math.Pow(2, exponent), maximum.Ticks);
        var jittered = TimeSpan.FromTicks((long)((ceiling / 2) + (unit * ceiling / 2)));
        if (retryAfter is { } asked && asked > jittered)
        {
            jittered = asked;
        }

        return jittered > maximum ? maximum : jittered;
    }
}
