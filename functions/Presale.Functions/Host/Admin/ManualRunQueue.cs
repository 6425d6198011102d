using System.Threading.Channels;

namespace Presale.Functions.Host.Admin;

/// <summary>Admin-requested runs, accepted at once (202) and started in the background in arrival order.</summary>
public sealed class ManualRunQueue
{
    private readonly Channel<ManualRun> _runs = Channel.CreateUnbounded<ManualRun>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Accepts a run.</summary>
    public void Enqueue(ManualRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!_runs.Writer.TryWrite(run))
        {
            throw new InvalidOperationException("The admin run queue is closed: the app is shutting down.");
        }
    }

    /// <summary>The runs, as they arrive.</summary>
    public IAsyncEnumerable<ManualRun> ReadAllAsync(CancellationToken cancellationToken) => _runs.Reader.ReadAllAsync(cancellationToken);
}
