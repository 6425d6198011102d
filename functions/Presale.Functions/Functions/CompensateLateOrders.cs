using Presale.Application.Compensation;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>Timer function: issues the compensation tiers that fell due for late orders, at most once per order and tier.</summary>
public sealed partial class CompensateLateOrders(CompensationSweep sweep, ILogger<CompensateLateOrders> logger) : IFunction
{
    /// <inheritdoc />
    public string Name => nameof(CompensateLateOrders);

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await sweep.RunAsync(cancellationToken);
        LogSwept(logger, result.OrdersVisited, result.AwardsIssued, result.NotificationsPublished);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CompensateLateOrders: {Visited} due orders, {Issued} awards issued, {Published} notices published.")]
    private static partial void LogSwept(ILogger logger, int visited, int issued, int published);
}
