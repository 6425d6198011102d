using Presale.Functions.Standalone;

namespace Presale.Functions.Admin;

/// <summary>Runs what the admin API accepted, through the same invocation endpoint as every trigger.</summary>
public sealed class ManualRunService(ManualRunQueue queue, IFunctionInvoker invoker, IHostApplicationLifetime lifetime, ILogger<ManualRunService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await HostStartup.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
            await foreach (var run in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(run, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
            return;
        }
    }

    private async Task RunAsync(ManualRun run, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await invoker.InvokeAsync(run.FunctionName, run.Payload, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                logger.LogInformation("Admin run of {FunctionName} succeeded (invocation {InvocationId}).", run.FunctionName, outcome.InvocationId);
            }
            else
            {
                logger.LogWarning("Admin run of {FunctionName} failed (invocation {InvocationId}, status {StatusCode}): {Body}",
                    run.FunctionName, outcome.InvocationId, outcome.StatusCode, outcome.Body);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One failed run must not stop later ones.
            logger.LogError(exception, "Admin run of {FunctionName} could not be invoked.", run.FunctionName);
        }
    }
}
