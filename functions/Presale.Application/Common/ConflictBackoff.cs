namespace Presale.Application.Common;

/// <summary>
/// The wait between attempts after an optimistic-concurrency conflict (HTTP 412): none before the first retry, then a
/// random delay of up to 2^attempt milliseconds (capped at 64 ms), so colliding writers spread out.
/// </summary>
public static class ConflictBackoff
{
    /// <summary>The most attempts a conflicting write gets before giving up with a <see cref="ContentionException"/>.</summary>
    public const int MaxAttempts = 64;

    /// <summary>Waits before attempt <paramref name="attempt"/> (1-based; attempt 1 does not wait).</summary>
    public static async Task DelayAsync(int attempt, RandomSource random, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (attempt <= 1)
        {
            return;
        }

        if (attempt > MaxAttempts)
        {
            throw new ContentionException(MaxAttempts);
        }

        var milliseconds = random.Next((1 << Math.Min(attempt - 1, 6)) + 1);
        if (milliseconds == 0)
        {
            await Task.Yield();
        }
        else
        {
            await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken).ConfigureAwait(false);
        }
    }
}
