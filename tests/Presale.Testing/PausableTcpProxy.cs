using System.Net;
using System.Net.Sockets;

namespace Presale.Testing;

/// <summary>
/// A TCP proxy in front of a real endpoint (an Azurite service) that can stop answering, as a paused emulator or a
/// storage service that hangs does: while paused it still accepts connections and reads what clients send, but
/// forwards nothing in either direction, so every request waits; on <see cref="Resume"/> whatever was held goes on.
/// </summary>
public sealed class PausableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;
    private TaskCompletionSource _open = Opened();

    private PausableTcpProxy(Uri target)
    {
        _target = new DnsEndPoint(target.Host, target.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>Starts a proxy to <paramref name="target"/>'s host and port on a free loopback port.</summary>
    public static PausableTcpProxy Start(Uri target) => new(target ?? throw new ArgumentNullException(nameof(target)));

    /// <summary>The proxy's port.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><paramref name="endpoint"/> (the target's URL, path included) sent through the proxy instead.</summary>
    public Uri Through(Uri endpoint) => new UriBuilder(endpoint ?? throw new ArgumentNullException(nameof(endpoint))) { Host = "127.0.0.1", Port = Port }.Uri;

    /// <summary>Stops forwarding: from now on nothing reaches the target and nothing comes back.</summary>
    public void Pause()
    {
        lock (_connections)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Forwards again, what was held first.</summary>
    public void Resume()
    {
        lock (_connections)
        {
            _open.TrySetResult();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Resume();
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        lock (_connections)
        {
            _connections.Add(client);
            _connections.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(_target.Host, _target.Port, _stop.Token).ConfigureAwait(false);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PumpAsync(client.GetStream(), upstream.GetStream(), either.Token);
            var down = PumpAsync(upstream.GetStream(), client.GetStream(), either.Token);

            // One side closing ends the connection, as it would without the proxy.
            await Task.WhenAny(up, down).ConfigureAwait(false);
            await either.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended (a side closed it, or the proxy stopped): there is nothing left to forward.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                Task open;
                lock (_connections)
                {
                    open = _open.Task;
                }

                await open.WaitAsync(cancellationToken).ConfigureAwait(false);
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side or the proxy ended the connection.
        }
    }
}
