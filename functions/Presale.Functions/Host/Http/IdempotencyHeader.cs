using Presale.Functions.Host.Catalog;

namespace Presale.Functions.Host.Http;

/// <summary>The idempotency headers of the API.</summary>
internal static class IdempotencyHeader
{
    /// <summary>The request header naming a request so that retries are recognised.</summary>
    public const string Key = "Idempotency-Key";

    /// <summary>The response header set when the answer is the stored answer to an earlier request with the same key.</summary>
    public const string Replayed = "Idempotent-Replayed";

    /// <summary>The key sent, or null when it is missing or sent more than once.</summary>
    /// <exception cref="InvalidOperationException">The route does not declare the header with [IdempotencyKey].</exception>
    public static string? Read(HttpRequest request)
    {
        var endpoint = request.HttpContext.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<FunctionDefinition>() is not null && endpoint.Metadata.GetMetadata<IdempotencyKeyAttribute>() is null)
        {
            throw new InvalidOperationException(
                $"Route '{endpoint?.DisplayName}' reads the {Key} header without declaring it with [IdempotencyKey], so its OpenAPI description would not show it.");
        }

        return request.Headers.TryGetValue(Key, out var values) && values.Count == 1 ? values[0] : null;
    }

    public static void MarkReplayed(HttpContext context, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers[Replayed] = "true";
        }
    }
}
