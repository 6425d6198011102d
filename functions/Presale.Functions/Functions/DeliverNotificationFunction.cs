using Presale.Application.Notifications;
using Presale.Functions.Invocation;

namespace Presale.Functions.Functions;

/// <summary>
/// <c>DeliverNotification</c>: triggered by the notifications queue (binding <c>message</c>). Records the notification
/// in the customer's feed and delivers it to the shop's webhook through <see cref="NotificationDeliveryHandler"/>.
/// Throws when the notification is not delivered (or the body is not a notification message), so the host redelivers
/// the message and, after the queue's <c>maxDeliveryCount</c>, dead-letters it.
/// </summary>
public sealed partial class DeliverNotificationFunction(NotificationDeliveryHandler handler, ILogger<DeliverNotificationFunction> logger) : IFunction
{
    /// <summary>The function's name: its function.json folder.</summary>
    public const string FunctionName = "DeliverNotification";

    /// <summary>The trigger's binding name in function.json.</summary>
    public const string BindingName = "message";

    /// <inheritdoc />
    public string Name => FunctionName;

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var messageId = invocation.MetadataText("MessageId");
        var deliveryCount = invocation.MetadataInt64("DeliveryCount");
        NotificationMessage message;
        try
        {
            var body = invocation.ReadText(BindingName) ?? throw new FormatException($"The invocation carries no '{BindingName}' value.");
            message = NotificationMessageSerializer.Deserialize(body);
        }
        catch (FormatException exception)
        {
            // A malformed body never becomes valid: it fails until the queue dead-letters it.
            LogMalformed(logger, exception, messageId, deliveryCount);
            throw;
        }

        try
        {
            var outcome = await handler.DeliverAsync(message, deliveryCount, cancellationToken).ConfigureAwait(false);
            LogDelivered(logger, message.DeduplicationKey, outcome, deliveryCount);
        }
        catch (NotificationDeliveryException exception)
        {
            LogNotDelivered(logger, message.DeduplicationKey, exception.Failure, deliveryCount, exception.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification message {MessageId} (delivery {DeliveryCount}) is not a notification message; it will be dead-lettered by the queue.")]
    private static partial void LogMalformed(ILogger logger, Exception exception, string? messageId, long? deliveryCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {DeduplicationKey}: {Outcome} (delivery {DeliveryCount}).")]
    private static partial void LogDelivered(ILogger logger, string deduplicationKey, NotificationDeliveryOutcome outcome, long? deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {DeduplicationKey}: not delivered, {Failure} (delivery {DeliveryCount}): {Detail}")]
    private static partial void LogNotDelivered(ILogger logger, string deduplicationKey, NotificationDeliveryFailure failure, long? deliveryCount, string detail);
}
