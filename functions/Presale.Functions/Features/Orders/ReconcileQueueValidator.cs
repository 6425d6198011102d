using Microsoft.Extensions.Options;
using Presale.Application.Orders;
using Presale.Functions.Features.Reconciliation;
using Presale.Functions.Host.Catalog;

namespace Presale.Functions.Features.Orders;

/// <summary>
/// Fails the start when the queue the app publishes reconcile messages to (<c>Presale:Orders:ReconcileQueue</c>) is
/// not the queue <c>ReconcileSku</c> listens on (its <c>[QueueTrigger]</c> queue name in <c>functions.metadata</c>). Without this, changing one of the two silently strands every reconcile message in a queue
/// nobody reads. Apps without the function catalogue (feature test hosts) have nothing to compare.
/// </summary>
internal sealed class ReconcileQueueValidator(FunctionCatalog? catalog) : IValidateOptions<OrdersOptions>
{
    public ValidateOptionsResult Validate(string? name, OrdersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (catalog?.Find(ReconcileSkuFunction.FunctionName) is not { QueueName: { } listened } definition
            || string.Equals(listened, options.ReconcileQueue, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            $"{OrdersOptions.SectionName}:{nameof(OrdersOptions.ReconcileQueue)} is '{options.ReconcileQueue}', but {ReconcileSkuFunction.FunctionName} " +
            $"listens on queue '{listened}' ({definition.EntryPoint}): reconcile messages would never be read. Set both to the same queue.");
    }
}
