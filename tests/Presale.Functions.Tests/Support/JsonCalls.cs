using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Presale.Domain.Security;

namespace Presale.Functions.Tests.Support;

/// <summary>The JSON requests end-to-end tests make against the app.</summary>
internal static class JsonCalls
{
    /// <summary>
    /// Sends <paramref name="body"/> (JSON, if any) with an optional idempotency key, asserts the answer's status, and
    /// returns its JSON: an object, or (when <paramref name="array"/>) an array answer under <c>items</c>.
    /// </summary>
    public static async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string path, string? body, HttpStatusCode expected, string? idempotencyKey = null, bool array = false)
    {
        var answer = await TrySendAsync(client, method, path, body, idempotencyKey);
        Assert.True(answer.Status == expected, $"{method} {path}: expected {(int)expected}, got {(int)answer.Status}: {answer.Body.ToJsonString()}");
        return array ? new JsonObject { ["items"] = answer.Body } : answer.Body.AsObject();
    }

    /// <summary>
    /// Sends as a checkout does: a 503 (contention, or storage work past the request's budget) is sent again with the
    /// same Idempotency-Key after its Retry-After, so it resumes rather than repeats; returns the first other answer, or
    /// the 503 of the last of <paramref name="attempts"/> attempts. Nothing is asserted.
    /// </summary>
    public static async Task<Answer> SendUntilAnsweredAsync(HttpClient client, HttpMethod method, string path, string? body, string? idempotencyKey, int attempts = 6)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await TrySendAsync(client, method, path, body, idempotencyKey);
            if (answer.Status != HttpStatusCode.ServiceUnavailable || attempt >= attempts)
            {
                return answer;
            }

            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Sends <paramref name="body"/> (JSON, if any) once with an optional idempotency key and returns the answer, asserting nothing.</summary>
    public static async Task<Answer> TrySendAsync(HttpClient client, HttpMethod method, string path, string? body, string? idempotencyKey)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new(response.StatusCode, response.Headers.RetryAfter?.Delta, JsonNode.Parse(text.Length == 0 ? "{}" : text)!);
    }

    /// <summary>Posts <paramref name="body"/> signed with <paramref name="secret"/> (now, or at <paramref name="signedAt"/> for an app on a test clock) as a supplier does; asserts 200 and returns the answer.</summary>
    public static async Task<JsonObject> PostSignedAsync(HttpClient client, string path, string body, string secret, DateTimeOffset? signedAt = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), signedAt ?? TimeProvider.System.GetUtcNow(), secret));
        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Reads until <paramref name="done"/> holds (every 200 ms), failing once <paramref name="deadline"/> has passed; returns the last read.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan deadline)
        where T : JsonNode
    {
        var until = TimeProvider.System.GetUtcNow() + deadline;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < until, $"Not reached within {deadline}: {value.ToJsonString()}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>An answer of the app: its status, its Retry-After (if any) and its JSON body (<c>{}</c> when empty).</summary>
    public sealed record Answer(HttpStatusCode Status, TimeSpan? RetryAfter, JsonNode Body);
}
