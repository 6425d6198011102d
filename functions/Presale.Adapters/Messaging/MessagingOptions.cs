namespace Presale.Adapters.Messaging;

/// <summary>Which broker messages are published to and how to reach it.</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Messaging";

    /// <summary>
    /// <c>Presale:Messaging:Transport</c>: <see cref="MessagingTransport.StorageQueue"/> (default, the local broker on
    /// the storage account of <c>Presale:Storage:Connection</c>) or <see cref="MessagingTransport.ServiceBus"/> (set it in Azure).
    /// </summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.StorageQueue;

    /// <summary>
    /// <c>Presale:Messaging:ServiceBusConnection</c>: the name of the Service Bus connection setting — a connection
    /// string under that name, or <c>{name}__fullyQualifiedNamespace</c> with <c>{name}__credential</c>/<c>{name}__clientId</c>
    /// for Entra ID. Default <c>ServiceBusConnection</c> (the name the queue functions' bindings use).
    /// </summary>
    public string ServiceBusConnection { get; set; } = "ServiceBusConnection";
}
