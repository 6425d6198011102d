using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Presale.Testing;

/// <summary>
/// An in-process HTTP endpoint for adapter tests that must see the wire without a server: plug it into Azure.Core with
/// <c>options.Transport = new HttpClientTransport(handler)</c>. It records every request (method, URL, headers, body)
/// and answers with the responses scripted by <see cref="Respond"/>, in order; a request with nothing scripted fails
/// the call rather than inventing an answer.
/// </summary>
public sealed class ScriptedHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<(HttpStatusCode Status, string? Body, (string Name, string Value)[] Headers)> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>The requests received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Queues the answer to the next unanswered request.</summary>
    public ScriptedHttpHandler Respond(HttpStatusCode status, string? body = null, params (string Name, string Value)[] headers)
    {
        _responses.Enqueue((status, body, headers));
        return this;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = string.Join(",", values);
        }

        var body = string.Empty;
        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers)
            {
                headers[name] = string.Join(",", values);
            }

            body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        _requests.Enqueue(new RecordedRequest(request.Method.Method, request.RequestUri!, headers, body));
        if (!_responses.TryDequeue(out var scripted))
        {
            throw new InvalidOperationException($"No response scripted for {request.Method} {request.RequestUri}.");
        }

        var response = new HttpResponseMessage(scripted.Status)
        {
            RequestMessage = request,
            Content = new StringContent(scripted.Body ?? string.Empty, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in scripted.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.Remove(name);
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}

/// <summary>One request as <see cref="ScriptedHttpHandler"/> received it; header names compare case-insensitively.</summary>
public sealed record RecordedRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>A header's value, or null when the request did not carry it.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
