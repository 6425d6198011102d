using System.Net;
using System.Text;
using System.Text.Json.Nodes;

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
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        var node = JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
        return array ? new JsonObject { ["items"] = node } : node.AsObject();
    }
}
