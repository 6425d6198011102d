using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Presale.Functions.Host.Standalone;

/// <summary>
/// Wakes standalone queue delivery when the app itself sends to a queue, so a message the app just published (a
/// reconcile request after an ETA slip, the delay notice that follows) is received at once instead of after the
/// poller's idle back-off. One pending wake per queue: sends while the poller is busy collapse into one more receive.
/// Messages sent by other processes are still found by polling.
/// </summary>
public sealed class QueueWake(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Channel<bool>> _signals = new(StringComparer.Ordinal);

    /// <summary>Records that a message is ready on <paramref name="queue"/>.</summary>
    public void Notify(string queue) => Signal(queue).Writer.TryWrite(true);

    /// <summary>
    /// Waits <paramref name="idle"/>, or less when <see cref="Notify"/> is called for <paramref name="queue"/> (or was
    /// since the last wait); true when woken by a send.
    /// </summary>
    public async Task<bool> WaitAsync(string queue, TimeSpan idle, CancellationToken cancellationToken)
    {
        var reader = Signal(queue).Reader;
        if (reader.TryRead(out _))
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = reader.WaitToReadAsync(stop.Token).AsTask();
        var elapsed = Task.Delay(idle, time, stop.Token);
        var first = await Task.WhenAny(woken, elapsed).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == woken && reader.TryRead(out _);
    }

    private Channel<bool> Signal(string queue) => _signals.GetOrAdd(
        queue,
        _ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true }));
}
