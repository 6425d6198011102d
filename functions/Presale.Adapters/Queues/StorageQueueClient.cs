using System.Globalization;
using System.Security;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Presale.Adapters.Storage;
using Presale.Application.Messaging;

namespace Presale.Adapters.Queues;

/// <summary>
/// Azure Queue Storage over REST (Azure and Azurite) as both the publishing port and the local broker's receiving side:
/// publish = Put Message (scheduled enqueue as an initial visibility timeout, no expiry), receive = Get Messages with a
/// visibility timeout as the lock, renew/abandon = Update Message (new pop receipt), complete = Delete Message,
/// dead-letter = put to <c>{queue}-poison</c> with the reason, then delete. Requests are signed with Shared Key or
/// carry an Entra ID bearer token. Storage queues have no duplicate detection: consumers must tolerate duplicates.
/// </summary>
public sealed class StorageQueueClient : IMessagePublisher, IQueueReceiver, IReachabilityProbe
{
    /// <summary>The Queue service REST version this adapter speaks.</summary>
    public const string ServiceVersion = "2019-02-02";

    /// <summary>The suffix of a queue's dead-letter companion.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The largest MessageText the service accepts (64 KiB).</summary>
    public const int MaxMessageTextLength = 64 * 1024;

    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the adapter for one storage account.</summary>
    public StorageQueueClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        options ??= new StorageClientOptions();
        _endpoint = account.QueueEndpoint;
        _timeProvider = options.TimeProvider;
        _pipeline = StoragePipeline.Build(account, options, ServiceVersion, sharedKeyLite: false);
    }

    /// <summary>The Queue service endpoint requests go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <inheritdoc />
    public async Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageId, nameof(message));
        var delay = message.ScheduledEnqueueTime is { } at ? at - _timeProvider.GetUtcNow() : TimeSpan.Zero;
        if (delay > MaxVisibility)
        {
            // Decision: refused, not clamped. A clamped message would be delivered up to weeks early unless every
            // consumer re-scheduled it; callers that need longer waits keep the due date in a table and publish later.
            throw new ArgumentOutOfRangeException(
                nameof(message),
                message.ScheduledEnqueueTime,
                $"Message '{message.MessageId}' is scheduled {delay.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)} days ahead; a storage queue holds a message back at most 7 days. " +
                "Schedule it within 7 days, or keep the due date in a table and publish it later.");
        }

        var text = new QueueEnvelope(message.MessageId, message.Body, message.CorrelationId, message.Subject).Encode();
        if (!await PutAsync(queue, text, delay, cancellationToken).ConfigureAwait(false))
        {
            await CreateQueueIfNotExistsAsync(queue, cancellationToken).ConfigureAwait(false);
            if (!await PutAsync(queue, text, delay, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Queue '{queue}' does not exist even after creating it.");
            }
        }
    }

    /// <inheritdoc />
    public async Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ValidateQueueName(queue + PoisonSuffix);
        foreach (var name in new[] { queue, queue + PoisonSuffix })
        {
            using var response = await SendAsync(RequestMethod.Put, "/" + name, null, cancellationToken).ConfigureAwait(false);
            if (response.Status is not (201 or 204) && !(response.Status == 409 && ErrorCode(response) == "QueueAlreadyExists"))
            {
                throw new RequestFailedException(response);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var query = $"?numofmessages={maxMessages.ToString(CultureInfo.InvariantCulture)}&visibilitytimeout={Seconds(lockDuration, 1)}";
        using var response = await SendAsync(RequestMethod.Get, "/" + queue + "/messages" + query, null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }

        var document = XDocument.Load(response.Content.ToStream());
        return [.. document.Root!.Elements("QueueMessage").Select(Parse)];
    }

    /// <inheritdoc />
    public Task<ReceivedMessage> RenewLockAsync(string queue, ReceivedMessage message, TimeSpan lockDuration, CancellationToken cancellationToken = default) =>
        UpdateVisibilityAsync(queue, message, Seconds(lockDuration, 1), cancellationToken);

    /// <inheritdoc />
    public Task<ReceivedMessage> AbandonAsync(string queue, ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        UpdateVisibilityAsync(queue, message, Seconds(delay, 0), cancellationToken);

    /// <inheritdoc />
    public async Task CompleteAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(message);
        using var response = await SendAsync(RequestMethod.Delete, MessagePath(queue, message) + "?popreceipt=" + Uri.EscapeDataString(message.PopReceipt), null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw new RequestFailedException(response);
        }
    }

    /// <inheritdoc />
    public async Task DeadLetterAsync(string queue, ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var poison = queue + PoisonSuffix;
        var text = DeadLetterText(queue, message, reason);
        if (!await PutAsync(poison, text, TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
        {
            await CreateQueueIfNotExistsAsync(queue, cancellationToken).ConfigureAwait(false);
            if (!await PutAsync(poison, text, TimeSpan.Zero, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Queue '{poison}' does not exist even after creating it.");
            }
        }

        // Copied first, deleted second: a failure in between leaves a duplicate, never a lost message.
        await CompleteAsync(queue, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The poison copy's message text, always within the 64 KiB a queue message holds, so that dead-lettering a message
    /// near the limit cannot fail on every delivery. The first that fits of: the envelope with the reason, the source
    /// queue and the delivery count; the same with the reason cut short (ending in "…"); the envelope as published,
    /// without the dead-letter fields; the body alone, base64-encoded, then as is. A message that was on the queue
    /// always fits one of these.
    /// </summary>
    internal static string DeadLetterText(string queue, ReceivedMessage message, string reason)
    {
        string Envelope(string? why) => new QueueEnvelope(
            message.MessageId, message.Body, message.CorrelationId, message.Subject, why, why is null ? null : queue, why is null ? null : message.DeliveryCount).Encode();

        var full = Envelope(reason);
        if (full.Length <= MaxMessageTextLength)
        {
            return full;
        }

        // The longest prefix of the reason that fits, found by bisection on its length.
        string? shortened = null;
        for (int low = 0, high = reason.Length - 1; low <= high;)
        {
            var length = low + ((high - low) / 2);
            var cut = length > 0 && char.IsHighSurrogate(reason[length - 1]) ? length - 1 : length;
            var candidate = Envelope(reason[..cut] + "…");
            if (candidate.Length <= MaxMessageTextLength)
            {
                shortened = candidate;
                low = length + 1;
            }
            else
            {
                high = length - 1;
            }
        }

        if (shortened is not null)
        {
            return shortened;
        }

        foreach (var candidate in new[] { Envelope(null), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(message.Body)), message.Body })
        {
            if (candidate.Length <= MaxMessageTextLength)
            {
                return candidate;
            }
        }

        throw new ArgumentException($"Message '{message.MessageId}' is larger than a storage queue message can be ({MaxMessageTextLength} characters), so it cannot be dead-lettered.", nameof(message));
    }

    /// <summary>
    /// The queue's approximate message count (Get Queue Metadata's <c>x-ms-approximate-messages-count</c>): visible,
    /// locked and scheduled messages alike, so zero means the queue holds nothing at all.
    /// </summary>
    public async Task<int> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        using var response = await SendAsync(RequestMethod.Get, "/" + queue + "?comp=metadata", null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200 || !response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count))
        {
            throw new RequestFailedException(response);
        }

        return int.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The dead-letter reason of a message read from a <c>-poison</c> queue, or null.</summary>
    public static string? DeadLetterReasonOf(string messageText) => QueueEnvelope.Decode(messageText, string.Empty).DeadLetterReason;

    /// <inheritdoc />
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(RequestMethod.Get, "/?comp=list&maxresults=1", null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw new RequestFailedException(response);
        }
    }

    /// <summary>Throws when <paramref name="queue"/> is not a valid queue name (3–63 lowercase letters, digits and single dashes).</summary>
    public static void ValidateQueueName(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var valid = queue.Length is >= 3 and <= 63
            && char.IsAsciiLetterLower(queue[0]) | char.IsAsciiDigit(queue[0])
            && char.IsAsciiLetterLower(queue[^1]) | char.IsAsciiDigit(queue[^1])
            && queue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !queue.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException($"Queue name '{queue}' is not valid: 3 to 63 lowercase letters, digits and single dashes, starting and ending with a letter or digit.", nameof(queue));
        }
    }

    private async Task<bool> PutAsync(string queue, string messageText, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (messageText.Length > MaxMessageTextLength)
        {
            throw new ArgumentException($"The message is {messageText.Length} characters once encoded; a storage queue message holds at most {MaxMessageTextLength}.", nameof(messageText));
        }

        var body = System.Text.Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{SecurityElement.Escape(messageText)}</MessageText></QueueMessage>");
        var query = $"?visibilitytimeout={Seconds(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, 0)}&messagettl=-1";
        using var response = await SendAsync(RequestMethod.Post, "/" + queue + "/messages" + query, body, cancellationToken).ConfigureAwait(false);
        if (response.Status == 201)
        {
            return true;
        }

        if (response.Status == 404 && ErrorCode(response) == "QueueNotFound")
        {
            return false;
        }

        throw new RequestFailedException(response);
    }

    private async Task<ReceivedMessage> UpdateVisibilityAsync(string queue, ReceivedMessage message, string visibilitySeconds, CancellationToken cancellationToken)
    {
        ValidateQueueName(queue);
        ArgumentNullException.ThrowIfNull(message);
        var path = MessagePath(queue, message) + "?popreceipt=" + Uri.EscapeDataString(message.PopReceipt) + "&visibilitytimeout=" + visibilitySeconds;
        using var response = await SendAsync(RequestMethod.Put, path, null, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204 || !response.Headers.TryGetValue("x-ms-popreceipt", out var popReceipt) || string.IsNullOrEmpty(popReceipt))
        {
            throw new RequestFailedException(response);
        }

        return message with
        {
            PopReceipt = popReceipt,
            LockedUntil = response.Headers.TryGetValue("x-ms-time-next-visible", out var next) ? ParseDate(next) : null,
        };
    }

    private async Task<Response> SendAsync(RequestMethod method, string pathAndQuery, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = _pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + pathAndQuery));
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", "application/xml");
            request.Content = RequestContent.Create(body);
        }
        else if (method != RequestMethod.Get && method != RequestMethod.Delete)
        {
            request.Content = RequestContent.Create([]);
        }

        return await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string MessagePath(string queue, ReceivedMessage message) =>
        "/" + queue + "/messages/" + Uri.EscapeDataString(message.QueueMessageId);

    private static ReceivedMessage Parse(XElement element)
    {
        string Value(string name) => element.Element(name)?.Value ?? throw new FormatException($"A queue message came back without {name}.");
        var id = Value("MessageId");
        var envelope = QueueEnvelope.Decode(Value("MessageText"), id);
        var expires = element.Element("ExpirationTime")?.Value is { } e ? ParseDate(e) : (DateTimeOffset?)null;
        return new ReceivedMessage(
            id,
            Value("PopReceipt"),
            long.Parse(Value("DequeueCount"), CultureInfo.InvariantCulture),
            ParseDate(Value("InsertionTime")),
            expires is { Year: 9999 } ? null : expires,
            envelope.MessageId,
            envelope.Body,
            envelope.CorrelationId,
            envelope.Subject)
        {
            LockedUntil = element.Element("TimeNextVisible")?.Value is { } next ? ParseDate(next) : null,
            DeadLetterReason = envelope.DeadLetterReason,
            DeadLetterSource = envelope.DeadLetterSource,
            DeadLetterDeliveryCount = envelope.DeadLetterDeliveryCount,
        };
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Seconds(TimeSpan value, int minimum)
    {
        if (value > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A storage queue visibility timeout is at most 7 days.");
        }

        return Math.Max(minimum, (int)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static string? ErrorCode(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var code) && !string.IsNullOrEmpty(code))
        {
            return code;
        }

        var text = response.Content.ToString();
        if (!text.Contains("<Code>", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return XDocument.Parse(text.TrimStart('\uFEFF')).Root?.Element("Code")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            // The body only looked like a storage error; the status code stands on its own.
            return null;
        }
    }
}
