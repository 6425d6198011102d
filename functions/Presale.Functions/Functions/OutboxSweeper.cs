using Presale.Application.Outbox;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>Timer function: publishes outbox messages that were written with their state change but never published.</summary>
public sealed partial class OutboxSweeper(OutboxSweep sweep, ILogger<OutboxSweeper> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(OutboxSweeper);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var published = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, published);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox sweep published {Count} messages.")]
    private static partial void LogSwept(ILogger logger, int count);
}
