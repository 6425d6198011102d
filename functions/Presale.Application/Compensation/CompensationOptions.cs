using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Presale.Domain.Common;
using Presale.Domain.Compensation;
using Presale.Domain.DelayConsent;

namespace Presale.Application.Compensation;

/// <summary>
/// Delay compensation and delay consent for the shop (<c>Presale:Compensation</c>, environment
/// <c>Presale__Compensation__…</c>). The policy's amounts are in the shop's currency (its stored settings); leaving
/// <see cref="Tiers"/> empty uses the Taobao-style default of <see cref="CompensationPolicy.Default"/>.
/// </summary>
public sealed class CompensationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Compensation";

    /// <summary>Coupon or store credit. Default <see cref="CompensationKind.Coupon"/>.</summary>
    public CompensationKind Kind { get; set; } = CompensationKind.Coupon;

    /// <summary>Length of one compensation period in days. Default 7.</summary>
    public int PeriodDays { get; set; } = 7;

    /// <summary>The tiers, ascending by <see cref="CompensationTierOptions.FromDayLate"/>. Default: empty = day 1, 8 and 15 at 5 %, minimum 5.</summary>
    public IList<CompensationTierOptions> Tiers { get; } = [];

    /// <summary>The most one order receives across all tiers, in the shop's currency. Default 30.</summary>
    public decimal CapPerOrder { get; set; } = 30m;

    /// <summary>Decimal places of an award (0–4). Default 2.</summary>
    public int Decimals { get; set; } = 2;

    /// <summary>Table of issued coupons and store credit (partition = customer). Default <c>credits</c>.</summary>
    public string CreditsTable { get; set; } = "credits";

    /// <summary>Rows one sweep page reads (1–1,000): a sweep holds one page in memory at a time. Default 200.</summary>
    public int SweepPageSize { get; set; } = 200;

    /// <summary>
    /// Due rows one sweep works on at once (1–64). Each due order costs about five storage round trips, so a sweep
    /// that took them one at a time would need hours for a backlog of 100,000. Default 16.
    /// </summary>
    public int SweepConcurrency { get; set; } = 16;

    /// <summary>
    /// How long one run of the compensation or consent sweep may start new rows; rows in flight then finish and the
    /// next run resumes with what is still due. Keep it well under the host's <c>functionTimeout</c> (10 minutes in
    /// host.json). Default 8 minutes.
    /// </summary>
    public TimeSpan SweepTimeBudget { get; set; } = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Base64 key (at least 32 bytes) signing one-click consent links. Required under the Functions host; standalone
    /// mode falls back to a public development key with a warning. Default none.
    /// </summary>
    [Required]
    public string? ConsentLinkKey { get; set; }

    /// <summary>Previous base64 keys still accepted for links issued before a rotation. Default none.</summary>
    public IList<string> PreviousConsentLinkKeys { get; } = [];

    /// <summary>Public base URL the one-click links point at (<c>{base}/api/consent?token=…</c>). Default <c>http://localhost:7071</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>How long a cancel link works after its notice (accept links end at the consent deadline). Default 60 days.</summary>
    public TimeSpan CancelLinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>Silence is consent up to this many days past the original promise (FTC: 30). Default 30.</summary>
    public int SilenceLimitDays { get; set; } = 30;

    /// <summary>From this delay notice on, express consent is required (FTC: the second). Default 2.</summary>
    public int ExpressConsentFromDelay { get; set; } = 2;

    /// <summary>The longest time given to answer a notice that needs consent. Default 7 days.</summary>
    public TimeSpan ConsentResponseWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A delay notified after the promise passed always needs express consent. Default true.</summary>
    public bool LateNoticeRequiresConsent { get; set; } = true;

    /// <summary>
    /// Age after which the consent sweep takes over what a request left unfinished: it publishes a notification row
    /// older than this, and finishes a cancellation decided longer ago than this (a younger one is being finished by
    /// whoever decided it). Default 30 seconds.
    /// </summary>
    public TimeSpan NotificationOutboxGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The compensation policy in the shop's <paramref name="currency"/>.</summary>
    public CompensationPolicy PolicyFor(string currency)
    {
        if (Tiers.Count == 0)
        {
            return CompensationPolicy.Default(currency) with
            {
                Kind = Kind,
                PeriodDays = PeriodDays,
                CapPerOrder = new Money(CapPerOrder, currency),
                Decimals = Decimals,
            };
        }

        return new CompensationPolicy
        {
            Currency = currency,
            Kind = Kind,
            PeriodDays = PeriodDays,
            Tiers = [.. Tiers.Select(t => new CompensationTier(t.FromDayLate, t.PercentPerPeriod, new Money(t.Minimum, currency)))],
            CapPerOrder = new Money(CapPerOrder, currency),
            Decimals = Decimals,
        };
    }

    /// <summary>The delay-consent rules.</summary>
    public DelayConsentPolicy ConsentPolicy => new()
    {
        SilenceLimitDays = SilenceLimitDays,
        ExpressConsentFromDelay = ExpressConsentFromDelay,
        ResponseWindow = ConsentResponseWindow,
        LateNoticeRequiresConsent = LateNoticeRequiresConsent,
    };

    /// <summary>The link keys, current first; throws when one is not base64 of at least 32 bytes.</summary>
    public IReadOnlyList<byte[]> LinkKeys() =>
        [.. new[] { ConsentLinkKey }.Concat(PreviousConsentLinkKeys).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Convert.FromBase64String(k!.Trim()))];

    /// <summary>The problems with these settings, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        // The shop's currency is only known at run time; the structure is checked with a placeholder.
        errors.AddRange(PolicyFor("XXX").Validate().Select(e => $"{SectionName}:{e}"));
        errors.AddRange(ConsentPolicy.Validate().Select(e => $"{SectionName}: {e}"));
        if (string.IsNullOrWhiteSpace(CreditsTable))
        {
            errors.Add($"{SectionName}:{nameof(CreditsTable)} is required.");
        }

        if (SweepPageSize is < 1 or > 1000)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(SweepPageSize)} must be between 1 and 1000, not {SweepPageSize}."));
        }

        if (SweepConcurrency is < 1 or > 64)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{nameof(SweepConcurrency)} must be between 1 and 64, not {SweepConcurrency}."));
        }

        if (SweepTimeBudget <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(SweepTimeBudget)} must be positive.");
        }

        if (string.IsNullOrWhiteSpace(ConsentLinkKey))
        {
            errors.Add($"{SectionName}:{nameof(ConsentLinkKey)} is required: a base64 key of at least {ConsentLinkToken.MinimumKeyBytes} bytes.");
        }

        foreach (var (key, name) in new[] { (ConsentLinkKey, nameof(ConsentLinkKey)) }.Concat(PreviousConsentLinkKeys.Select((k, i) => ((string?)k, string.Create(CultureInfo.InvariantCulture, $"{nameof(PreviousConsentLinkKeys)}:{i}")))))
        {
            if (!string.IsNullOrWhiteSpace(key) && !IsKey(key))
            {
                errors.Add($"{SectionName}:{name} must be base64 of at least {ConsentLinkToken.MinimumKeyBytes} bytes.");
            }
        }

        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{SectionName}:{nameof(PublicBaseUrl)} must be an absolute http(s) URL, not '{PublicBaseUrl}'.");
        }

        if (CancelLinkLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(CancelLinkLifetime)} must be positive.");
        }

        if (NotificationOutboxGrace < TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{nameof(NotificationOutboxGrace)} may not be negative.");
        }

        return errors;
    }

    private static bool IsKey(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written >= ConsentLinkToken.MinimumKeyBytes;
    }
}
