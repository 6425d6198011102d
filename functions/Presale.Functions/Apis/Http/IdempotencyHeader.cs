namespace Presale.Functions.Apis.Http;

/// <summary>The idempotency headers of the API.</summary>
internal static class IdempotencyHeader
{
    /// <summary>The request header naming a request so that retries are recognised.</summary>
    public const string Key = "Idempotency-Key";

    /// <summary>The response header set when the answer is the stored answer to an earlier request with the same key.</summary>
    public const string Replayed = "Idempotent-Replayed";

    /// <summary>
    /// Declares that the route reads a required <see cref="Key"/> header, and which of its answers a retry can get replayed
    /// (<see cref="Replayed"/>: true). The OpenAPI document shows the header from this declaration.
    /// </summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder, params int[] replayedStatuses)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new IdempotencyKeyMetadata(replayedStatuses));
    }

    /// <summary>The key sent, or null when it is missing or sent more than once.</summary>
    /// <exception cref="InvalidOperationException">The route does not declare the header with <see cref="WithIdempotencyKey{TBuilder}"/>.</exception>
    public static string? Read(HttpRequest request)
    {
        var endpoint = request.HttpContext.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IdempotencyKeyMetadata>() is null)
        {
            throw new InvalidOperationException(
                $"Route '{endpoint?.DisplayName}' reads the {Key} header without declaring it with WithIdempotencyKey(), so its OpenAPI description would not show it.");
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
