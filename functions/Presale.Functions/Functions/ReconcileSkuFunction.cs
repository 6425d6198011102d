using System.Text.Json;
using Presale.Application.Reconciliation;
using Presale.Domain.Common;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>
/// <c>ReconcileSku</c>: triggered by the reconcile queue (binding <c>message</c>). The body names the SKU(s) to
/// reconcile — <c>{"sku": "…"}</c> from supplier events, <c>{"skus": ["…"]}</c> from order events — and nothing else is
/// taken from it: each SKU is re-planned from stored state by <see cref="ReconcileSkuHandler"/>. A body naming no valid
/// SKU throws, so the queue dead-letters it after its delivery limit; a run that keeps meeting concurrent changes
/// throws as well and is redelivered.
/// </summary>
public sealed partial class ReconcileSkuFunction(ReconcileSkuHandler handler, ILogger<ReconcileSkuFunction> logger) : IFunction
{
    /// <summary>The function's name: its function.json folder.</summary>
    public const string FunctionName = "ReconcileSku";

    /// <summary>The trigger's binding name in function.json.</summary>
    public const string BindingName = "message";

    /// <inheritdoc />
    public string Name => FunctionName;

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

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        IReadOnlyList<Sku> skus;
        try
        {
            skus = ReadSkus(invocation.ReadText(BindingName));
        }
        catch (FormatException exception)
        {
            LogMalformed(logger, exception, invocation.MetadataText("MessageId"));
            throw;
        }

        foreach (var sku in skus)
        {
            var result = await handler.ReconcileAsync(sku, cancellationToken).ConfigureAwait(false);
            LogResult(logger, sku.Value, result.Outcome, result.PlanVersion, result.OrdersWritten);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconcile message {MessageId} names no valid SKU; it will be dead-lettered by the queue.")]
    private static partial void LogMalformed(ILogger logger, Exception exception, string? messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "SKU {Sku}: {Outcome} (plan {PlanVersion}, {Written} orders written).")]
    private static partial void LogResult(ILogger logger, string sku, ReconcileOutcome outcome, long planVersion, int written);
}
