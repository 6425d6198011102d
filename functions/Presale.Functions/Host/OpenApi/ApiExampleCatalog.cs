using System.Text.Json.Nodes;
using Presale.Functions.Features.Compensation;
using Presale.Functions.Features.Notifications;
using Presale.Functions.Features.Operations;
using Presale.Functions.Features.Orders;
using Presale.Functions.Features.Payments;
using Presale.Functions.Features.Purchasing;
using Presale.Functions.Features.Reconciliation;
using Presale.Functions.Features.Returns;
using Presale.Functions.Features.Suppliers;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// The examples of every operation of the OpenAPI document, by operation id (the function's name): the merge of each
/// feature's <c>&lt;Feature&gt;Examples.ByOperationId</c> (one line per feature) and the host's own (health). A new
/// route's examples go in its feature's examples class: a request body example where it takes one, and a body for every
/// status it declares; the key-check 401 and the signature filter's 401 and 413 are added by their transformers.
/// <c>OpenApiDocumentTests</c> fails for an operation that misses one; an operation id given twice fails the start.
/// </summary>
internal static class ApiExampleCatalog
{
    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = Merge(
        HostExamples,
        OrdersExamples.ByOperationId,
        PaymentsExamples.ByOperationId,
        SuppliersExamples.ByOperationId,
        ReconciliationExamples.ByOperationId,
        NotificationsExamples.ByOperationId,
        CompensationExamples.ByOperationId,
        ReturnsExamples.ByOperationId,
        PurchasingExamples.ByOperationId,
        OperationsExamples.ByOperationId);

    private static Dictionary<string, ApiExamples> HostExamples => new(StringComparer.Ordinal)
    {
        [PresaleDocumentTransformer.HealthOperationId] = ApiExamples.For(
            null,
            (Status200OK, JsonNode.Parse("""
                {"status":"healthy","durationMs":14.2,"checks":[
                  {"name":"functions","status":"healthy","description":"39 function(s) declared.","durationMs":0.1,"data":{"mode":"functions-host","http":31,"timer":6,"serviceBus":2}},
                  {"name":"table","status":"healthy","description":"Table storage is reachable.","durationMs":12.8},
                  {"name":"queue","status":"healthy","description":"Queue storage is reachable.","durationMs":13.9}]}
                """)!),
            (Status503ServiceUnavailable, JsonNode.Parse("""
                {"status":"unhealthy","durationMs":10003.5,"checks":[
                  {"name":"functions","status":"healthy","description":"39 function(s) declared.","durationMs":0.1,"data":{"mode":"functions-host","http":31,"timer":6,"serviceBus":2}},
                  {"name":"table","status":"unhealthy","description":"Table storage is unreachable.","durationMs":10001.2,"error":"Connection refused (presale.table.core.windows.net:443)"},
                  {"name":"queue","status":"healthy","description":"Queue storage is reachable.","durationMs":15.4}]}
                """)!)),
        [OpenApiDocumentFunction.FunctionName] = ApiExamples.For(
            null,
            (Status200OK, JsonNode.Parse("""
                {"openapi":"3.1.1","info":{"title":"Presale","version":"v1","description":"Pre-sale ordering that never oversells, …"},
                 "servers":[{"url":"https://presale.example/"}],"paths":{"/api/health":{"get":{"operationId":"Health","summary":"Overall status and each check (table storage, queue storage, declared functions)"}}},
                 "components":{},"tags":[{"name":"Health"}]}
                """)!)),
    };

    /// <summary>Merges the examples of the host and the features; an operation id in two of them is a mistake.</summary>
    /// <exception cref="InvalidOperationException">An operation id has examples in two places.</exception>
    internal static IReadOnlyDictionary<string, ApiExamples> Merge(params IReadOnlyDictionary<string, ApiExamples>[] parts)
    {
        var merged = new Dictionary<string, ApiExamples>(StringComparer.Ordinal);
        foreach (var (operationId, examples) in parts.SelectMany(p => p))
        {
            if (!merged.TryAdd(operationId, examples))
            {
                throw new InvalidOperationException($"The OpenAPI examples of operation '{operationId}' are given twice: each operation's examples belong to the one feature that declares it.");
            }
        }

        return merged;
    }
}
