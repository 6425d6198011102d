using System.Globalization;

namespace Presale.Domain.Notifications;

/// <summary>
/// De-duplication keys of notifications: <c>notif:{kind}:{orderId}[:{part}]</c>. Ids are escaped (<c>%</c> → <c>%25</c>,
/// <c>:</c> → <c>%3A</c>) so that no two different events share a key.
/// </summary>
public static class NotificationKeys
{
    /// <summary><c>notif:order-confirmed:{orderId}</c>.</summary>
    public static string OrderConfirmed(string orderId) => Key("order-confirmed", orderId);

    /// <summary><c>notif:at-risk:{orderId}:{yyyy-MM-dd}</c>: once per promised date at risk.</summary>
    public static string AtRisk(string orderId, DateOnly promisedDate) =>
        Key("at-risk", orderId, promisedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary><c>notif:delayed:{orderId}:{delayNumber}</c>: once per delay notice.</summary>
    public static string Delayed(string orderId, int delayNumber) =>
        Key("delayed", orderId, delayNumber.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>notif:compensation-issued:{orderId}:{tier}</c>: once per compensation tier.</summary>
    public static string CompensationIssued(string orderId, int tier) =>
        Key("compensation-issued", orderId, tier.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>notif:ready-to-ship:{orderId}</c>.</summary>
    public static string ReadyToShip(string orderId) => Key("ready-to-ship", orderId);

    /// <summary><c>notif:cancelled-and-refunded:{orderId}</c>.</summary>
    public static string CancelledAndRefunded(string orderId) => Key("cancelled-and-refunded", orderId);

    /// <summary><c>notif:return-decided:{orderId}:{returnId}</c>: once per return.</summary>
    public static string ReturnDecided(string orderId, string returnId) => Key("return-decided", orderId, Escape(returnId));

    private static string Key(string kind, string orderId, string? part = null) =>
        part is null ? $"notif:{kind}:{Escape(orderId)}" : $"notif:{kind}:{Escape(orderId)}:{part}";

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return id.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);
    }
}
