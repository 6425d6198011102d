using System.Collections.Concurrent;
using Presale.Application.Notifications;

namespace Presale.Application.Tests.Notifications;

/// <summary>
/// A fake webhook answering from a script (call number → result; the last entry repeats), recording each request.
/// An optional gate holds every call until the test opens it, to line up concurrent deliveries.
/// </summary>
internal sealed class ScriptedWebhook(params WebhookAttemptResult[] script) : INotificationWebhook
{
    private readonly ConcurrentQueue<NotificationWebhookRequest> _requests = new();
    private int _calls;

    public static WebhookAttemptResult Ok { get; } = WebhookAttemptResult.Delivered(200);

    public static WebhookAttemptResult ServerError { get; } = new(WebhookAttemptStatus.Transient, 503, null, "Service Unavailable");

    public IReadOnlyList<NotificationWebhookRequest> Requests => [.. _requests];

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, each call waits for it before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, a call with this number (1-based) throws, as a process dying mid-POST would leave things.</summary>
    public int? ThrowOnCall { get; set; }

    public async Task<WebhookAttemptResult> SendAsync(NotificationWebhookRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        var call = Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (call == ThrowOnCall)
        {
            throw new IOException("The process died mid-POST.");
        }

        return script.Length == 0 ? Ok : script[Math.Min(call, script.Length) - 1];
    }
}
