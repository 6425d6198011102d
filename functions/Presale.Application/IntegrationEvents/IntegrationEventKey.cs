using System.Globalization;

namespace Presale.Application.IntegrationEvents;

/// <summary>
/// The de-duplication keys of events that are not notifications: <c>{kind}:{id}:{id}…</c>, each id escaped
/// (<c>%</c> → <c>%25</c>, <c>:</c> → <c>%3A</c>) so that different ids never give the same key.
/// </summary>
public static class IntegrationEventKey
{
    /// <summary>The key of fact <paramref name="kind"/> about <paramref name="ids"/>.</summary>
    public static string Of(string kind, params string[] ids)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(ids);
        return string.Join(':', ids.Select(Escape).Prepend(kind));
    }

    /// <summary>The key part of an instant: its UTC ticks (an alert raised again after a clear is a new fact).</summary>
    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string id) => id.Replace("%", "%25", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);
}
