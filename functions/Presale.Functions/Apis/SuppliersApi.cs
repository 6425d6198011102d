using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Presale.Application.Suppliers;

namespace Presale.Functions.Apis;

/// <summary>
/// Operator routes of the supplier registry (<c>authLevel: function</c>): register and read suppliers, issue and rotate
/// webhook secrets, read scorecards. Each handler only translates HTTP to the application services.
/// </summary>
public static class SuppliersApi
{
    private static readonly JsonSerializerOptions RequestJson = CreateRequestJson();

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
        var (body, problem) = await ReadJsonAsync<CreateSupplierRequest>(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await registry.CreateAsync(body!, cancellationToken);
        return result.Status switch
        {
            CreateSupplierStatus.Created => TypedResults.Created($"/api/suppliers/{Uri.EscapeDataString(result.Supplier!.Id)}", result.Supplier),
            CreateSupplierStatus.Invalid => TypedResults.ValidationProblem(result.Errors, title: "The supplier is invalid."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A supplier with this id already exists.",
                detail: $"Supplier '{body!.Id}' is already registered; nothing was changed.",
                extensions: new Dictionary<string, object?> { ["field"] = "id" }),
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
            EndRotationStatus.NoRotation => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No previous webhook secret is valid.",
                detail: $"Supplier '{supplierId}' has no rotation running: only its current secret is accepted."),
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

    private static ProblemHttpResult SupplierNotFound(string supplierId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown supplier.",
        detail: $"No supplier with id '{supplierId}' is registered.",
        extensions: new Dictionary<string, object?> { ["field"] = "supplierId" });

    /// <summary>Reads a JSON body of at most <paramref name="limit"/> bytes; a problem (400, 413, 415) names what is wrong.</summary>
    private static async Task<(T? Body, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpRequest request, int limit, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentType is { Length: > 0 } contentType && !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON.",
                detail: $"Send Content-Type: application/json (got '{contentType}')."));
        }

        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), RequestJson);
            return body is null
                ? (null, BadJson("$", "The body must be a JSON object."))
                : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, BadJson(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "The body is not valid JSON for this request: " + FirstLine(ex.Message)));
        }
    }

    private static ProblemHttpResult BadJson(string path, string message) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request body is malformed.",
        detail: message,
        extensions: new Dictionary<string, object?> { ["field"] = path });

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"At most {limit} bytes (setting {SuppliersOptions.SectionName}:{nameof(SuppliersOptions.MaxRequestBodyBytes)}).");

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static JsonSerializerOptions CreateRequestJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 8,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
