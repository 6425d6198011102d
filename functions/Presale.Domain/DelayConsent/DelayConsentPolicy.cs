using System.Globalization;

namespace Presale.Domain.DelayConsent;

/// <summary>
/// A shop's delay-consent rules. The defaults follow the US FTC Mail, Internet, or Telephone Order Merchandise Rule
/// (16 CFR 435): silence is consent to a first delay of up to 30 days past the original promise; a longer delay, or a
/// second one, needs the customer's express consent before a deadline, else the order is cancelled and refunded.
/// </summary>
public sealed record DelayConsentPolicy
{
    /// <summary>The FTC-style default policy.</summary>
    public static DelayConsentPolicy FtcDefault { get; } = new();

    /// <summary>
    /// A revised date at most this many days after the ORIGINAL promise may be accepted by silence (when no other rule
    /// requires consent); later dates need express consent. Not negative; 0 makes every delay need consent. Default 30.
    /// </summary>
    public int SilenceLimitDays { get; init; } = 30;

    /// <summary>
    /// From this delay notice on (1 = the first) express consent is required whatever the revised date. At least 1.
    /// Default 2: the second delay needs consent.
    /// </summary>
    public int ExpressConsentFromDelay { get; init; } = 2;

    /// <summary>
    /// The longest time a customer is given to answer a notice that requires consent; the deadline is the earlier of
    /// the moment the promise then in force passes and the notice time plus this window. Positive. Default 7 days.
    /// </summary>
    public TimeSpan ResponseWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// When true, a delay notified only after the promise in force has already passed (a late notice) always needs
    /// express consent: the customer was not told in time, so silence cannot be read as agreement. Default true.
    /// </summary>
    public bool LateNoticeRequiresConsent { get; init; } = true;

    /// <summary>The problems with this policy, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SilenceLimitDays < 0)
        {
            errors.Add($"{nameof(SilenceLimitDays)} may not be negative.");
        }

        if (ExpressConsentFromDelay < 1)
        {
            errors.Add($"{nameof(ExpressConsentFromDelay)} must be at least 1.");
        }

        if (ResponseWindow <= TimeSpan.Zero)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(ResponseWindow)} must be positive, not {ResponseWindow}."));
        }

        return errors;
    }
}
