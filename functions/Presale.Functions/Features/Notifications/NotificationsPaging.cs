using System.Globalization;

namespace Presale.Functions.Features.Notifications;

/// <summary>Reads <c>limit</c> and <c>continuationToken</c> of the notification listings, with errors naming the field.</summary>
internal static class NotificationsPaging
{
    /// <summary>The page size, or an error for the <c>limit</c> field.</summary>
    public static (int Limit, string? Error) Limit(string? limit, int defaultLimit)
    {
        if (string.IsNullOrEmpty(limit))
        {
            return (defaultLimit, null);
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value is >= 1 and <= Application.Notifications.NotificationsOptions.MaxPageSize
            ? (value, null)
            : (0, $"limit must be a whole number from 1 to {Application.Notifications.NotificationsOptions.MaxPageSize}.");
    }
}
