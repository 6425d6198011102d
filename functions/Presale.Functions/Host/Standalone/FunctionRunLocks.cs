using System.Collections.Concurrent;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// One run at a time per timer function in this process, as the Functions host guarantees for timers: the standalone
/// <see cref="TimerTriggerRunner"/> and admin runs (<see cref="Admin.ManualRunService"/>) of the same function take its
/// lock, so a manual run never overlaps a scheduled one; runs of different functions do not wait for each other.
/// Waiters are served in arrival order.
/// </summary>
public sealed class FunctionRunLocks : IDisposable
{
    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until no other run of <paramref name="functionName"/> holds its lock; dispose the result to release it.</summary>
    public async Task<IDisposable> AcquireAsync(string functionName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        var gate = _gates.GetOrAdd(functionName, _ => new Gate());
        Interlocked.Increment(ref gate.Waiting);
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref gate.Waiting);
        }

        return new Release(gate.Semaphore);
    }

    /// <summary>How many runs of <paramref name="functionName"/> are waiting for its lock now.</summary>
    public int Waiting(string functionName) => _gates.TryGetValue(functionName, out var gate) ? Volatile.Read(ref gate.Waiting) : 0;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Semaphore.Dispose();
        }
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Waiting;
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
