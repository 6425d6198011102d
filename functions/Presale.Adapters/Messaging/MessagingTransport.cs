namespace Presale.Adapters.Messaging;

/// <summary>Which broker <see cref="Application.Messaging.IMessagePublisher"/> publishes to.</summary>
public enum MessagingTransport
{
    /// <summary>An Azure Storage queue (Azurite locally): the local default, and a valid production choice without duplicate detection.</summary>
    StorageQueue,

    /// <summary>Azure Service Bus queues: the production choice (duplicate detection, dead-lettering, scheduled messages).</summary>
    ServiceBus,
}
