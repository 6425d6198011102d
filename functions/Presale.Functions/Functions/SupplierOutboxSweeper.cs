using Presale.Application.Suppliers;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>Timer function: publishes reconcile messages that supplier events wrote to their outbox but never published.</summary>
public sealed partial class SupplierOutboxSweeper(SupplierOutboxSweep sweep, ILogger<SupplierOutboxSweeper> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(SupplierOutboxSweeper);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var published = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, published);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supplier outbox sweep published {Count} messages.")]
    private static partial void LogSwept(ILogger logger, int count);
}
