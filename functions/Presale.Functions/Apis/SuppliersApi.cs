using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Presale.Application.Suppliers;
using Presale.Functions.Apis.Http;

namespace Presale.Functions.Apis;

/// <summary>
/// Operator routes of the supplier registry (<c>authLevel: function</c>): register and read suppliers, issue and rotate
/// webhook secrets, read scorecards. Each handler only translates HTTP to the application services.
/// </summary>
public static class SuppliersApi
{
    /// <summary>Maps <c>/api/suppliers</c> routes.</summary>
    public static IEndpointRouteBuilder MapSuppliersApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/suppliers").WithTags("Suppliers");
        group.MapPost("/", CreateSupplierAsync).WithName("CreateSupplier")
            .WithSummary("Register a supplier")
            .Accepts<CreateSupplierRequest>("application/json")
            .Produces<SupplierView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{supplierId}", GetSupplierAsync).WithName("GetSupplier")
            .WithSummary("Read a supplier with its webhook secrets' status (never their values)")
            .Produces<SupplierView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{supplierId}/webhook-secrets", IssueWebhookSecretAsync).WithName("IssueSupplierWebhookSecret")
            .WithSummary("Issue a webhook secret, shown this once")
            .WithDescription("The new secret signs from now on; the previous one stays valid for the rotation overlap (Presale:Suppliers:SecretRotationOverlap). The answer is not cached.")
            .Produces<IssuedWebhookSecret>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{supplierId}/webhook-secrets/previous", EndSecretRotationAsync).WithName("EndSupplierWebhookSecretRotation")
            .WithSummary("End a secret rotation early: only the current secret is accepted from now on")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{supplierId}/scorecard", GetScorecardAsync).WithName("GetSupplierScorecard")
            .WithSummary("The supplier's scorecard: on-time-in-full, slips, ETA changes, fill rate, grade")
            .Produces<SupplierScorecardView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary><c>POST /api/suppliers</c>: 201 with the supplier, 400 naming the field, 409 when the id is taken.</summary>
    public static async Task<Results<Created<SupplierView>, ValidationProblem, ProblemHttpResult>> CreateSupplierAsync(
        HttpRequest request, SupplierRegistry registry, IOptions<SuppliersOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        var body = await JsonBody.ReadAsync<CreateSupplierRequest>(request, options.Value.MaxRequestBodyBytes, optional: false, cancellationToken);
        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        if (body.Refused is { } refused)
        {
            return refused;
        }

        var result = await registry.CreateAsync(body.Value!, cancellationToken);
        return result.Status switch
        {
            CreateSupplierStatus.Created => TypedResults.Created($"/api/suppliers/{Uri.EscapeDataString(result.Supplier!.Id)}", result.Supplier),
            CreateSupplierStatus.Invalid => Problems.Validation(result.Errors),
            _ => SupplierExists(body.Value!.Id!),
        };
    }

    /// <summary><c>GET /api/suppliers/{supplierId}</c>: the supplier with its secrets' status (never their values).</summary>
    public static async Task<Results<Ok<SupplierView>, ProblemHttpResult>> GetSupplierAsync(
        string supplierId, SupplierRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var supplier = await registry.GetAsync(supplierId, cancellationToken);
        return supplier is null ? SupplierNotFound(supplierId) : TypedResults.Ok(supplier);
    }

    /// <summary>
    /// <c>POST /api/suppliers/{supplierId}/webhook-secrets</c>: issues a secret and shows it this once (201, not cached);
    /// the previous one stays valid for the rotation overlap.
    /// </summary>
    public static async Task<Results<Created<IssuedWebhookSecret>, ProblemHttpResult>> IssueWebhookSecretAsync(
        string supplierId, HttpResponse response, SupplierRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(registry);
        var issued = await registry.IssueSecretAsync(supplierId, cancellationToken);
        if (issued is null)
        {
            return SupplierNotFound(supplierId);
        }

        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return TypedResults.Created((string?)null, issued);
    }

    /// <summary><c>DELETE /api/suppliers/{supplierId}/webhook-secrets/previous</c>: ends a rotation early (204), 404 when none runs.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> EndSecretRotationAsync(
        string supplierId, SupplierRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return await registry.EndRotationAsync(supplierId, cancellationToken) switch
        {
            EndRotationStatus.Ended => TypedResults.NoContent(),
            EndRotationStatus.NoRotation => NoRotation(supplierId),
            _ => SupplierNotFound(supplierId),
        };
    }

    /// <summary><c>GET /api/suppliers/{supplierId}/scorecard</c>: on-time-in-full, slips, ETA changes and grade.</summary>
    public static async Task<Results<Ok<SupplierScorecardView>, ProblemHttpResult>> GetScorecardAsync(
        string supplierId, SupplierScorecardQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var card = await query.GetAsync(supplierId, cancellationToken);
        return card is null ? SupplierNotFound(supplierId) : TypedResults.Ok(card);
    }

    /// <summary>The 409 of a registration whose id is taken.</summary>
    internal static ProblemHttpResult SupplierExists(string supplierId) => Problems.Conflict(
        "supplier-exists",
        "A supplier with this id already exists.",
        $"Supplier '{supplierId}' is already registered; nothing was changed.",
        new Dictionary<string, object?> { ["field"] = "id" });

    /// <summary>The 404 of ending a rotation when none runs: only the current secret is accepted already.</summary>
    internal static ProblemHttpResult NoRotation(string supplierId) => TypedResults.Problem(
        detail: $"Supplier '{supplierId}' has no rotation running: only its current secret is accepted.",
        statusCode: StatusCodes.Status404NotFound,
        title: "No previous webhook secret is valid.",
        type: Problems.TypePrefix + "no-secret-rotation",
        extensions: new Dictionary<string, object?> { ["field"] = "supplierId" });

    /// <summary>The 404 of a route naming a supplier that is not registered.</summary>
    internal static ProblemHttpResult SupplierNotFound(string supplierId) => Problems.NotFound($"Supplier '{supplierId}'", "supplierId");
}
