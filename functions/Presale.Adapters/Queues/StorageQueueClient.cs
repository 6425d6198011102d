using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Presale.Adapters.Storage;
using Presale.Application.Messaging;

namespace Presale.Adapters.Queues;

/// <summary>
/// Azure Queue Storage through Azure.Storage.Queues' <see cref="QueueClient"/> (Azure and Azurite), as both the
/// publishing port and the local broker's receiving side: publish = send (scheduled enqueue as an initial visibility
/// timeout, no expiry), receive with a visibility timeout as the lock, renew/abandon = update the visibility (new pop
/// receipt), complete = delete, dead-letter = send the same text to <c>{queue}-poison</c>, then delete, as the Functions
/// host does. The message text is the body itself, base64-encoded (<see cref="QueueMessageEncoding.Base64"/>): what the
/// Functions Storage Queue trigger decodes by default (<c>host.json</c> <c>extensions.queues.messageEncoding</c>) and
/// hands to a function as its string. Storage queues carry no message id, correlation id or subject of the publisher's
/// and have no duplicate detection: consumers must tolerate duplicates.
/// </summary>
public sealed class StorageQueueClient : IMessagePublisher, IQueueReceiver, IReachabilityProbe
{
    /// <summary>The suffix of a queue's dead-letter companion, the one the Functions host uses.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The largest message text the service accepts (64 KiB), here base64 of the body's UTF-8.</summary>
    public const int MaxMessageTextLength = 64 * 1024;

    /// <summary>How long a message may stay "never expires" (<c>messagettl=-1</c>).</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    private readonly QueueServiceClient _service;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new(StringComparer.Ordinal);

    /// <summary>Creates the adapter for one storage account.</summary>
    public StorageQueueClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        options ??= new StorageClientOptions();
        Endpoint = account.QueueEndpoint;
        _timeProvider = options.TimeProvider;
        _service = account.CreateQueueServiceClient(options, QueueMessageEncoding.Base64);
    }

    /// <summary>The Queue service endpoint requests go to.</summary>
    public Uri Endpoint { get; }

    /// <inheritdoc />
    public async Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var client = Queue(queue);
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

        EnsureFits(message.MessageId, message.Body);
        await SendAsync(client, queue, message.Body, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CreateQueueIfNotExistsAsync(string queue, CancellationToken cancellationToken = default)
    {
        var client = Queue(queue);
        var poison = Queue(queue + PoisonSuffix);
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan lockDuration, CancellationToken cancellationToken = default)
    {
        var client = Queue(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 32);
        var messages = await client.ReceiveMessagesAsync(maxMessages, Visibility(lockDuration, 1), cancellationToken).ConfigureAwait(false);
        return [.. messages.Value.Select(ToReceived)];
    }

    /// <inheritdoc />
    public Task<ReceivedMessage> RenewLockAsync(string queue, ReceivedMessage message, TimeSpan lockDuration, CancellationToken cancellationToken = default) =>
        UpdateVisibilityAsync(queue, message, Visibility(lockDuration, 1), cancellationToken);

    /// <inheritdoc />
    public Task<ReceivedMessage> AbandonAsync(string queue, ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken = default) =>
        UpdateVisibilityAsync(queue, message, Visibility(delay, 0), cancellationToken);

    /// <inheritdoc />
    public async Task CompleteAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken = default)
    {
        var client = Queue(queue);
        ArgumentNullException.ThrowIfNull(message);
        await client.DeleteMessageAsync(message.QueueMessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the message's body unchanged to <c>{queue}-poison</c>, as the Functions host moves a poison message, then
    /// deletes it from <paramref name="queue"/>. A storage queue message has no properties to carry
    /// <paramref name="reason"/>: the caller logs it.
    /// </summary>
    public async Task DeadLetterAsync(string queue, ReceivedMessage message, string reason, CancellationToken cancellationToken = default)
    {
        var poison = Queue(queue + PoisonSuffix);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await SendAsync(poison, queue + PoisonSuffix, message.Body, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);

        // Copied first, deleted second: a failure in between leaves a duplicate, never a lost message.
        await CompleteAsync(queue, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The queue's approximate message count (its properties' <c>ApproximateMessagesCount</c>): visible, locked and
    /// scheduled messages alike, so zero means the queue holds nothing at all.
    /// </summary>
    public async Task<int> GetApproximateMessageCountAsync(string queue, CancellationToken cancellationToken = default)
    {
        var properties = await Queue(queue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }

    /// <inheritdoc />
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var page in _service.GetQueuesAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
        {
            _ = page;
            return;
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

    /// <summary>Sends <paramref name="body"/>; a missing queue (and its poison companion) is created and the send made once more.</summary>
    private async Task SendAsync(QueueClient client, string queue, string body, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendMessageAsync(body, delay, NeverExpires, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            await CreateQueueIfNotExistsAsync(queue.EndsWith(PoisonSuffix, StringComparison.Ordinal) ? queue[..^PoisonSuffix.Length] : queue, cancellationToken).ConfigureAwait(false);
            await client.SendMessageAsync(body, delay, NeverExpires, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ReceivedMessage> UpdateVisibilityAsync(string queue, ReceivedMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var client = Queue(queue);
        ArgumentNullException.ThrowIfNull(message);
        var receipt = await client.UpdateMessageAsync(message.QueueMessageId, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken).ConfigureAwait(false);
        return message with { PopReceipt = receipt.Value.PopReceipt, LockedUntil = receipt.Value.NextVisibleOn };
    }

    private QueueClient Queue(string queue)
    {
        ValidateQueueName(queue);
        return _queues.GetOrAdd(queue, _service.GetQueueClient);
    }

    /// <summary>The body must fit a queue message once base64-encoded: at most 48 KiB of UTF-8.</summary>
    private static void EnsureFits(string messageId, string body)
    {
        var encoded = (Encoding.UTF8.GetByteCount(body) + 2) / 3 * 4;
        if (encoded > MaxMessageTextLength)
        {
            throw new ArgumentException(
                $"Message '{messageId}' is {encoded} characters once base64-encoded; a storage queue message holds at most {MaxMessageTextLength} (48 KiB of UTF-8 body).",
                nameof(body));
        }
    }

    private static ReceivedMessage ToReceived(QueueMessage message) =>
        new(
            message.MessageId,
            message.PopReceipt,
            message.DequeueCount,
            message.InsertedOn ?? throw new FormatException($"Queue message {message.MessageId} came back without its insertion time."),
            message.ExpiresOn is { Year: < 9999 } expires ? expires : null,
            message.MessageId,
            message.Body.ToString(),
            null,
            null)
        {
            LockedUntil = message.NextVisibleOn,
        };

    private static TimeSpan Visibility(TimeSpan value, int minimumSeconds)
    {
        if (value > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A storage queue visibility timeout is at most 7 days.");
        }

        return TimeSpan.FromSeconds(Math.Max(minimumSeconds, Math.Ceiling(value.TotalSeconds)));
    }
}
