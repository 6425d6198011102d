namespace Presale.Functions.Apis.Http;

/// <summary>The idempotency headers of the API.</summary>
internal static class IdempotencyHeader
{
    /// <summary>The request header naming a request so that retries are recognised.</summary>
    public const string Key = "Idempotency-Key";

    /// <summary>The response header set when the answer is the stored answer to an earlier request with the same key.</summary>
    public const string Replayed = "Idempotent-Replayed";

    public static string? Read(HttpRequest request) =>
        request.Headers.TryGetValue(Key, out var values) && values.Count == 1 ? values[0] : null;

    public static void MarkReplayed(HttpContext context, bool replayed)
    {
        if (replayed)
        {
            context.Response.Headers[Replayed] = "true";
        }
    }
}
