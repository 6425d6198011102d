namespace Presale.Application.Common;

/// <summary>
/// Thread-safe randomness for shard choice and retry jitter, injected so tests can seed it. <see cref="Random"/> itself
/// is not safe to share between threads.
/// </summary>
public sealed class RandomSource(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return random.Next(maxExclusive);
        }
    }
}
