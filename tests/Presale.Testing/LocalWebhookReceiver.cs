using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Presale.Testing;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (HttpListener) standing in for a shop's notification webhook. It answers from
/// a script (call number → answer; the last entry repeats) and records every request as received on the wire.
/// </summary>
public sealed class LocalWebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, Answer> _script;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _calls;

    private LocalWebhookReceiver(Func<int, Answer> script)
    {
        _script = script;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/presale");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/hooks/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>An answer: a status, an optional Retry-After (seconds) and an optional hang before answering.</summary>
    public sealed record Answer(int Status, int? RetryAfterSeconds = null, TimeSpan? Hang = null);

    /// <summary>One request as received, and the status answered (or attempted, if the client had gone).</summary>
    public sealed record Received(int Call, string Method, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus);

    public Uri Url { get; }

    public IReadOnlyList<Received> Requests => [.. _received.OrderBy(r => r.Call)];

    public int SuccessfulPosts => _received.Count(r => r.AnsweredStatus is >= 200 and < 300);

    /// <summary>Answers the calls in order; the last answer repeats.</summary>
    public static LocalWebhookReceiver Start(params Answer[] answers) =>
        new(call => answers[Math.Min(call, answers.Length) - 1]);

    /// <summary>Answers call <c>n</c> (1-based) with <paramref name="script"/>(n): e.g. failing until a test fixes the receiver.</summary>
    public static LocalWebhookReceiver Scripted(Func<int, Answer> script) => new(script);

    /// <summary>Fails the first <paramref name="failures"/> calls with <paramref name="status"/>, then answers 204.</summary>
    public static LocalWebhookReceiver FailingFirst(int failures, int status = 503) =>
        new(call => call <= failures ? new Answer(status) : new Answer(204));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // The listener was closed under the pending accept: that is how the loop ends.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException && _stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var call = Interlocked.Increment(ref _calls);
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers.AllKeys
            .Where(k => k is not null)
            .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        var answer = _script(call);
        if (answer.Hang is { } hang)
        {
            try
            {
                await Task.Delay(hang, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Shutting down.
            }
        }

        // Recorded before answering, so a client that has its answer always finds its request here.
        _received.Enqueue(new Received(call, context.Request.HttpMethod, headers, body.ToArray(), answer.Status));
        try
        {
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The client gave up (timeout) and closed the connection.
        }
    }
}
