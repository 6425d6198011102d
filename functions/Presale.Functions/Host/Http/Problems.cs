using Microsoft.AspNetCore.Http.HttpResults;

namespace Presale.Functions.Host.Http;

/// <summary>
/// The RFC 9457 problem answers of the ordering API, each with a stable <c>type</c> URI (<c>urn:presale:problem:…</c>)
/// clients can switch on.
/// </summary>
internal static class Problems
{
    public const string TypePrefix = "urn:presale:problem:";

    private static readonly HashSet<string> ReservedMembers = new(["type", "title", "status", "detail", "instance"], StringComparer.OrdinalIgnoreCase);

    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "See errors: each names the field it concerns.", title: "The request is not valid.", type: TypePrefix + "validation");

    public static ProblemHttpResult TooLarge(int maxBytes) => TypedResults.Problem(
        detail: $"The body is larger than {maxBytes} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        type: TypePrefix + "body-too-large",
        extensions: new Dictionary<string, object?> { ["field"] = "body", ["maxBytes"] = maxBytes });

    public static ProblemHttpResult UnsupportedMediaType() => TypedResults.Problem(
        detail: "Send the body as application/json.",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "The body is not JSON.",
        type: TypePrefix + "unsupported-media-type",
        extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" });

    public static ProblemHttpResult NotFound(string what, string field) => TypedResults.Problem(
        detail: $"{what} does not exist.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found.",
        type: TypePrefix + "not-found",
        extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>
    /// A 409 of type <c>urn:presale:problem:{slug}</c>. Extensions may not reuse a member RFC 9457 defines
    /// (<c>status</c> is the HTTP status: name a resource's state <c>orderStatus</c>, <c>returnStatus</c>, …); the JSON
    /// would otherwise carry the name twice and most readers keep the last.
    /// </summary>
    public static ProblemHttpResult Conflict(string slug, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        if (extensions?.Keys.FirstOrDefault(ReservedMembers.Contains) is { } reserved)
        {
            throw new ArgumentException($"'{reserved}' is a problem details member, not an extension.", nameof(extensions));
        }

        return TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: title, type: TypePrefix + slug, extensions: extensions);
    }

    public static ProblemHttpResult ShopNotConfigured() => Conflict(
        "shop-not-configured",
        "The shop is not configured.",
        "Save the shop's settings (time zone, currency, handling days, locale) with PUT /api/shop first.");

    public static ProblemHttpResult KeyReused() => TypedResults.Problem(
        detail: "This Idempotency-Key was used for a different request. Send a new key for a new request.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "The idempotency key was used with another request.",
        type: TypePrefix + "idempotency-key-reused",
        extensions: new Dictionary<string, object?> { ["field"] = "Idempotency-Key" });
}
