using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Settlement;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Settlement statements (suppliers and operators, function key): one per supplier and period, closed once and then
/// served byte for byte, as JSON or (with <c>Accept: text/csv</c>) as CSV.
/// </summary>
public sealed class SupplierStatementsFunctions(SupplierStatementHandler statements)
{
    /// <summary>The CSV media type the statement route answers <c>Accept: text/csv</c> with.</summary>
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// <c>GET /api/suppliers/{supplierId}/statements/{period}</c>: the statement (closing it, and every ended period
    /// before it, on the first request), or a preview of the running period; 400 naming the field, 404 without terms or
    /// for a period outside the supplier's, 409 without shop settings.
    /// </summary>
    [Function("GetSupplierStatement")]
    [Tags("Purchasing")]
    [EndpointSummary("A supplier's settlement statement for a period: goods, chargebacks by rule, return credits, rebates, payable and due date")]
    [EndpointDescription("period is a month (2026-03) or, with Presale:Purchasing:SettlementPeriod Weekly, an ISO week (2026-W10). An ended period is closed on the first request (or by the CloseSupplierStatements timer) and never changes after: the same bytes on every request, corrections land on the next statement. The running period answers a preview with status open. JSON by default; Accept: text/csv gives the items as CSV (RFC 4180).")]
    [ProducesResponseType<SupplierStatementDocument>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    public async Task<IResult> GetSupplierStatementAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppliers/{supplierId}/statements/{period}")] HttpRequest req,
        string supplierId,
        string period,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        return await statements.GetAsync(supplierId, period, cancellationToken) switch
        {
            StatementResult.Ready { Export: var export } => WantsCsv(req)
                ? TypedResults.Bytes(export.Csv, CsvContentType)
                : TypedResults.Bytes(export.Json, "application/json"),
            StatementResult.Invalid errors => Problems.Validation(errors.Errors),
            StatementResult.NoTerms => SupplierTermsFunctions.NoTerms(supplierId),
            StatementResult.NoSuchPeriod range => NoSuchPeriod(supplierId, period, range.FirstPeriod, range.CurrentPeriod),
            _ => Problems.ShopNotConfigured(),
        };
    }

    /// <summary>The 404 of a period before the supplier's first or after the running one.</summary>
    internal static ProblemHttpResult NoSuchPeriod(string supplierId, string period, string first, string current) => TypedResults.Problem(
        detail: $"Supplier '{supplierId}' has statements from {first} (the period its terms took effect in) to {current} (running); {period} is outside.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.",
        type: Problems.TypePrefix + "not-found",
        extensions: new Dictionary<string, object?> { ["field"] = "period", ["firstPeriod"] = first, ["currentPeriod"] = current });

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);
}
