using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>
/// The OpenAPI examples of suppliers' signed ETA updates and receipts, and their demand view, by operation id (the function's name): a request body example
/// where the operation takes one and a body for every status it declares. <c>OpenApiDocumentTests</c> fails for an
/// operation that misses one.
/// </summary>
internal static class ReconciliationExamples
{
    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["PostEtaUpdate"] = ApiExamples.For(
            SupplierSamples.EtaUpdate,
            (Status200OK, SupplierSamples.Applied(SupplierSamples.EtaUpdate.EventId!)),
            (Status400BadRequest, ExampleProblems.Invalid(("newEta", "A date (yyyy-MM-dd) or an ISO 8601 instant."))),
            (Status404NotFound, Problems.NotFound("Lot LOT-2026-099 of supplier acme", "lotId")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status415UnsupportedMediaType, ExampleProblems.NotJson)),
        ["PostReceipt"] = ApiExamples.For(
            SupplierSamples.Receipt,
            (Status200OK, SupplierSamples.Applied(SupplierSamples.Receipt.EventId!)),
            (Status400BadRequest, ExampleProblems.Invalid(("lines[0].sku", "Lot LOT-2026-031 has no line for SKU KB-80."))),
            (Status404NotFound, Problems.NotFound("Lot LOT-2026-099 of supplier acme", "lotId")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status415UnsupportedMediaType, ExampleProblems.NotJson)),
        ["GetSupplierLots"] = ApiExamples.For(
            null,
            (Status200OK, SupplierSamples.LotDemand)),
    };
}
