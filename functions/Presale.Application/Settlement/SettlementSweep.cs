using Microsoft.Extensions.Logging;
using Presale.Application.Storage;
using Presale.Application.Suppliers;

namespace Presale.Application.Settlement;

/// <summary>
/// The statement timer's use case (<c>CloseSupplierStatements</c>): for every
/// registered supplier, closes the periods that ended at least the close delay ago
/// (<see cref="SupplierStatementHandler.CloseDueAsync"/>). A supplier that fails is logged and counted; the others go on,
/// and the next run retries it (a period is closed once whatever the number of runs).
/// </summary>
public sealed partial class SettlementSweep(ITableStore store, SupplierStatementHandler statements, SuppliersOptions suppliers, ILogger<SettlementSweep> logger)
{
    /// <summary>Runs once; returns the statements closed and the suppliers that failed.</summary>
    public async Task<(int Closed, int Failed)> RunAsync(CancellationToken cancellationToken)
    {
        await store.CreateTableIfNotExistsAsync(suppliers.SuppliersTable, cancellationToken).ConfigureAwait(false);
        int closed = 0, failed = 0;
        foreach (var supplierId in await RegisteredSuppliers.ListAsync(store, suppliers, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                closed += (await statements.CloseDueAsync(supplierId, cancellationToken).ConfigureAwait(false)).Count;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failed++;
                LogFailed(logger, error, supplierId);
            }
        }

        return (closed, failed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing the statements of supplier {SupplierId} failed; the next run retries.")]
    private static partial void LogFailed(ILogger logger, Exception error, string supplierId);
}
