using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;


namespace Presale.Functions.Host.Admin;

/// <summary>
/// Runs what the admin API accepted, through the same <see cref="IFunctionInvoker"/> as every trigger. Runs start in arrival order
/// without waiting for each other, except that a timer function runs only when no other run of it (scheduled or
/// manual) holds its <see cref="FunctionRunLocks"/> lock, as the Functions host runs one timer invocation at a time.
/// </summary>
public sealed class ManualRunService(
    ManualRunQueue queue,
    IFunctionInvoker invoker,
    FunctionRunLocks locks,
    IHostApplicationLifetime lifetime,
    ILogger<ManualRunService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await HostStartup.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
            await foreach (var run in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                running.RemoveAll(task => task.IsCompleted);
                running.Add(Task.Run(() => RunAsync(run, stoppingToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: runs under way see the same token.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task RunAsync(ManualRun run, CancellationToken cancellationToken)
    {
        try
        {
            using var exclusive = run.Trigger == TriggerKind.Timer ? await locks.AcquireAsync(run.FunctionName, cancellationToken).ConfigureAwait(false) : null;
            var outcome = await invoker.InvokeAsync(run.FunctionName, run.Input, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                logger.LogInformation("Admin run of {FunctionName} succeeded (invocation {InvocationId}).", run.FunctionName, outcome.InvocationId);
            }
            else
            {
                logger.LogWarning("Admin run of {FunctionName} failed (invocation {InvocationId}): {Failure}",
                    run.FunctionName, outcome.InvocationId, outcome.Failure!.Message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down before or during the run.
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One failed run must not stop later ones.
            logger.LogError(exception, "Admin run of {FunctionName} could not be invoked.", run.FunctionName);
        }
    }
}
