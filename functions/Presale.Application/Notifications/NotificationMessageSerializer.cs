using System.Text.Json;
using System.Text.Json.Serialization;
using Presale.Application.Storage;
using Presale.Domain.Common;
using Presale.Domain.Notifications;

namespace Presale.Application.Notifications;

/// <summary>
/// The JSON of <see cref="NotificationMessage"/> (and of the notification in feed entries and webhook bodies):
/// camelCase names, enums as camelCase strings (numbers and unknown names are rejected), dates as <c>yyyy-MM-dd</c>,
/// nulls omitted.
/// </summary>
public static class NotificationMessageSerializer
{
    /// <summary>The longest de-duplication key accepted (it becomes part of table keys).</summary>
    public const int MaxDeduplicationKeyLength = 400;

    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The JSON text of <paramref name="message"/>.</summary>
    public static string Serialize(NotificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, Options);
    }

    /// <summary>The JSON text of a notification alone.</summary>
    public static string Serialize(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return JsonSerializer.Serialize(notification, Options);
    }

    /// <summary>Reads a notification written by <see cref="Serialize(Notification)"/>.</summary>
    /// <exception cref="FormatException">The text is not such a notification.</exception>
    public static Notification DeserializeNotification(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<Notification>(json, Options) ?? throw new FormatException("The notification is null.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not a notification: {exception.Message}", exception);
        }
    }

    /// <summary>Reads and checks a message body.</summary>
    /// <exception cref="FormatException">The body is not a valid notification message (the message can never succeed).</exception>
    public static NotificationMessage Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        NotificationMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<NotificationMessage>(json, Options);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not a notification message: {exception.Message}", exception);
        }

        if (message is null)
        {
            throw new FormatException("The notification message is null.");
        }

        EnsureValid(message);
        return message;
    }

    /// <summary>The JSON name of a notification kind (<c>orderConfirmed</c>, <c>delayed</c>, ...).</summary>
    public static string KindName(NotificationKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>Checks what storage and delivery rely on: ids and a key that can be table keys.</summary>
    /// <exception cref="FormatException">A field is missing or unusable.</exception>
    internal static void EnsureValid(NotificationMessage message)
    {
        var n = message.Notification ?? throw new FormatException("notification is required.");
        if (Identifier.Validate(n.CustomerId, "notification.customerId") is { } customer)
        {
            throw new FormatException(customer);
        }

        if (Identifier.Validate(n.OrderId, "notification.orderId") is { } order)
        {
            throw new FormatException(order);
        }

        if (string.IsNullOrWhiteSpace(n.DeduplicationKey) || n.DeduplicationKey.Length > MaxDeduplicationKeyLength
            || TableKey.Validate(n.DeduplicationKey) is not null)
        {
            throw new FormatException(
                $"notification.deduplicationKey must be 1–{MaxDeduplicationKeyLength} characters without '/', '\\', '#', '?' or control characters.");
        }

        if (!Enum.IsDefined(n.Kind))
        {
            throw new FormatException($"notification.kind {(int)n.Kind} is unknown.");
        }

        if (message.CreatedAt == default)
        {
            throw new FormatException("createdAt is required.");
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new MoneyJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
