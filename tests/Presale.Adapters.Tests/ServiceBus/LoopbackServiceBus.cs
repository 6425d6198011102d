using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Presale.Adapters.Tests.ServiceBus;

/// <summary>
/// A loopback HTTP receiver standing in for a Service Bus namespace: it checks each request against the documented
/// Send Message shape and validates the SAS signature with the key, then answers with the next queued status
/// (201 when none is queued).
/// </summary>
internal sealed class LoopbackServiceBus : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackServiceBus(string keyName, string key)
    {
        KeyName = keyName;
        Key = key;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string KeyName { get; }

    public string Key { get; }

    public Uri Endpoint { get; }

    /// <summary>Statuses to answer with, in order, before falling back to 201.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Responses { get; } = new();

    public ConcurrentQueue<Received> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending GetContextAsync with this exception.
        }
        catch (ObjectDisposedException)
        {
            // Same as above on some platforms.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var received = new Received(context.Request.HttpMethod, context.Request.Url!, headers, body, ValidateSas(context.Request.Url!, headers.GetValueOrDefault("Authorization")));
            Requests.Enqueue(received);
            var (status, retryAfter) = Responses.TryDequeue(out var next) ? next : (201, null);
            if (received.AuthError is not null)
            {
                status = 401;
            }

            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            context.Response.Close();
        }
    }

    /// <summary>Null when the SAS token is valid for the addressed entity; otherwise what is wrong with it.</summary>
    private string? ValidateSas(Uri url, string? authorization)
    {
        const string prefix = "SharedAccessSignature ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "no SharedAccessSignature authorization";
        }

        var fields = authorization[prefix.Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        if (!fields.TryGetValue("sr", out var sr) || !fields.TryGetValue("sig", out var sig) || !fields.TryGetValue("se", out var se) || !fields.TryGetValue("skn", out var skn))
        {
            return "missing sr, sig, se or skn";
        }

        if (WebUtility.UrlDecode(skn) != KeyName)
        {
            return "wrong key name";
        }

        var entity = url.AbsolutePath.Trim('/').Split('/')[0];
        if (!string.Equals(WebUtility.UrlDecode(sr), $"http://127.0.0.1:{url.Port}/{entity}", StringComparison.OrdinalIgnoreCase))
        {
            return $"sr {WebUtility.UrlDecode(sr)} does not address this entity";
        }

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(sr + "\n" + se)));
        if (WebUtility.UrlDecode(sig) != expected)
        {
            return "signature mismatch";
        }

        return long.TryParse(se, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "se is not Unix seconds";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public sealed record Received(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string Body, string? AuthError);
}
