namespace Presale.Functions.Host.Standalone;

/// <summary>Waits for the web host to listen before the standalone runners call it.</summary>
internal static class HostStartup
{
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
        {
            await started.Task.ConfigureAwait(false);
        }
    }
}
