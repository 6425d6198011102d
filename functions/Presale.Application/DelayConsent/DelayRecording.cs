using Presale.Domain.Notifications;

namespace Presale.Application.DelayConsent;

/// <summary>
/// What recording a delay came to: the notice to send (a new one, or the last one sent when the flow refused the
/// delay), or no notice and the reason the flow refused a delay it has never announced.
/// </summary>
/// <param name="Notice">The "delayed" notice to send, or null when there is nothing to tell the customer.</param>
/// <param name="Refusal">Why the delay was refused with nothing sent before (null when <paramref name="Notice"/> is set).</param>
public sealed record DelayRecording(Notification? Notice, string? Refusal)
{
    /// <summary>A delay with its notice.</summary>
    public static DelayRecording Recorded(Notification notice) => new(notice, null);

    /// <summary>A delay the flow refused, with no notice sent before.</summary>
    public static DelayRecording Refused(string reason) => new(null, reason);
}
