using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Reconciliation;
using Presale.Domain.Common;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>
/// <c>ReconcileSku</c>: triggered by the Storage Queue <c>reconcile</c>. The body names the SKU(s) to
/// reconcile — <c>{"sku": "…"}</c> from supplier events, <c>{"skus": ["…"]}</c> from order events — and nothing else is
/// taken from it: each SKU is re-planned from stored state by <see cref="ReconcileSkuHandler"/>. A body naming no valid
/// SKU throws, so the queue dead-letters it after its delivery limit; a run that keeps meeting concurrent changes
/// throws as well and is redelivered.
/// </summary>
public sealed partial class ReconcileSkuFunction(ReconcileSkuHandler handler, ILogger<ReconcileSkuFunction> logger)
{
    /// <summary>The function's name.</summary>
    public const string FunctionName = "ReconcileSku";

    /// <summary>The SKUs a reconcile message names.</summary>
    /// <exception cref="FormatException">The body is not JSON naming at least one valid SKU.</exception>
    public static IReadOnlyList<Sku> ReadSkus(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new FormatException("The reconcile message has no body.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The reconcile message is not JSON.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            var values = new List<string?>();
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sku", out var one) && one.ValueKind == JsonValueKind.String)
            {
                values.Add(one.GetString());
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("skus", out var many) && many.ValueKind == JsonValueKind.Array)
            {
                values.AddRange(many.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()));
            }

            var skus = new List<Sku>();
            foreach (var value in values)
            {
                if (!Sku.TryParse(value, out var sku, out var error))
                {
                    throw new FormatException($"The reconcile message names an invalid SKU: {error}");
                }

                if (!skus.Contains(sku))
                {
                    skus.Add(sku);
                }
            }

            return skus.Count > 0 ? skus : throw new FormatException("The reconcile message names no SKU ('sku' or 'skus').");
        }
    }

    /// <summary>Re-plans each SKU the message names; throws for a message naming none, so it ends in <c>reconcile-poison</c>.</summary>
    [Function(FunctionName)]
    public async Task RunAsync([QueueTrigger("reconcile", Connection = "AzureWebJobsStorage")] string message, long dequeueCount, CancellationToken cancellationToken)
    {
        IReadOnlyList<Sku> skus;
        try
        {
            skus = ReadSkus(message);
        }
        catch (FormatException exception)
        {
            LogMalformed(logger, exception, dequeueCount);
            throw;
        }

        foreach (var sku in skus)
        {
            var result = await handler.ReconcileAsync(sku, cancellationToken).ConfigureAwait(false);
            LogResult(logger, sku.Value, result.Outcome, result.PlanVersion, result.OrdersWritten);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile message (delivery {DequeueCount}) names no valid SKU; it will end in the poison queue.")]
    private static partial void LogMalformed(ILogger logger, Exception exception, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "SKU {Sku}: {Outcome} (plan {PlanVersion}, {Written} orders written).")]
    private static partial void LogResult(ILogger logger, string sku, ReconcileOutcome outcome, long planVersion, int written);
}
