using System.ComponentModel.DataAnnotations;

namespace Presale.Application.Suppliers;

/// <summary>
/// Settings of the supplier registry, webhook authentication, scorecards and the overdue-lot sweep (section <c>Presale:Suppliers</c>;
/// environment form <c>Presale__Suppliers__Property</c>).
/// </summary>
public sealed class SuppliersOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Suppliers";

    /// <summary>
    /// The key used only in standalone mode when <see cref="SecretEncryptionKey"/> is unset: the base64 of the ASCII text
    /// <c>presale-development-only-key-32b</c>. It is public, so anything it protects is not secret; it is refused
    /// under the Functions host.
    /// </summary>
    public const string DevelopmentSecretEncryptionKey = "cHJlc2FsZS1kZXZlbG9wbWVudC1vbmx5LWtleS0zMmI=";

    /// <summary>Table holding one row per supplier with its encrypted webhook secrets (partition = supplier id). Default <c>suppliers</c>.</summary>
    public string SuppliersTable { get; set; } = "suppliers";

    /// <summary>
    /// The AES-256 key (base64 of 32 bytes) that encrypts supplier webhook secrets at rest. No default: in Azure it is a
    /// Key Vault reference app setting; in standalone mode, when unset, <see cref="DevelopmentSecretEncryptionKey"/> is
    /// used with a warning at start.
    /// </summary>
    [Required]
    public string? SecretEncryptionKey { get; set; }

    /// <summary>
    /// Earlier encryption keys (base64 of 32 bytes each) still accepted for decrypting secrets written under them, so the
    /// key can rotate without re-issuing every supplier's secret. New secrets are always written under
    /// <see cref="SecretEncryptionKey"/>. Default: none.
    /// </summary>
    public IList<string> PreviousSecretEncryptionKeys { get; } = [];

    /// <summary>How long the previous webhook secret stays valid after a new one is issued (1 minute – 30 days). Default 24 hours.</summary>
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far a webhook's signed timestamp may lie before or after the receiver's clock (30 seconds – 15 minutes). Default 5 minutes.</summary>
    public TimeSpan WebhookReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest supplier webhook body accepted, in bytes (1 KiB – 1 MiB). Default 65,536.</summary>
    public int MaxWebhookBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest operator request body accepted on the registry routes, in bytes (1 KiB – 1 MiB). Default 16,384.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Days after the first promised ETA a receipt still counts as on time in scorecards (0–30). Default 1.</summary>
    public int ScorecardToleranceDays { get; set; } = 1;

    /// <summary>Whether a receipt earlier than the first ETA minus the tolerance counts as a miss (Walmart's rule). Default false.</summary>
    public bool ScorecardEarlyCountsAsMiss { get; set; }

    /// <summary>Measured lots needed before a scorecard gives a grade (1–1000). Default 3.</summary>
    public int ScorecardMinimumLotsForGrade { get; set; } = 3;

    /// <summary>
    /// Days after the shop's today that the overdue-lot sweep sets as the system-estimated ETA of a lot whose ETA passed
    /// without full receipt or word from the supplier (1–60). Default 3.
    /// </summary>
    public int OverdueLotGraceDays { get; set; } = 3;

    /// <summary>ETA-index rows the overdue-lot sweep reads per page (1–1000). Default 100.</summary>
    public int OverdueSweepPageSize { get; set; } = 100;

    /// <summary>The problems with these settings, each naming its setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(SuppliersTable) || SuppliersTable.Length is < 3 or > 63 || !char.IsAsciiLetter(SuppliersTable[0]) || !SuppliersTable.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add($"{SectionName}:{nameof(SuppliersTable)} must be a table name: 3–63 letters or digits, starting with a letter (got '{SuppliersTable}').");
        }

        if (string.IsNullOrWhiteSpace(SecretEncryptionKey))
        {
            errors.Add($"{SectionName}:{nameof(SecretEncryptionKey)} is required: the base64 of 32 random bytes (a Key Vault reference in Azure).");
        }
        else if (!IsKey(SecretEncryptionKey))
        {
            errors.Add($"{SectionName}:{nameof(SecretEncryptionKey)} must be the base64 of exactly 32 bytes.");
        }

        for (var i = 0; i < PreviousSecretEncryptionKeys.Count; i++)
        {
            if (!IsKey(PreviousSecretEncryptionKeys[i]))
            {
                errors.Add($"{SectionName}:{nameof(PreviousSecretEncryptionKeys)}:{i} must be the base64 of exactly 32 bytes.");
            }
        }

        Check(errors, SecretRotationOverlap >= TimeSpan.FromMinutes(1) && SecretRotationOverlap <= TimeSpan.FromDays(30), nameof(SecretRotationOverlap), "must be between 00:01:00 and 30.00:00:00");
        Check(errors, WebhookReplayWindow >= TimeSpan.FromSeconds(30) && WebhookReplayWindow <= TimeSpan.FromMinutes(15), nameof(WebhookReplayWindow), "must be between 00:00:30 and 00:15:00");
        Check(errors, MaxWebhookBodyBytes is >= 1024 and <= 1024 * 1024, nameof(MaxWebhookBodyBytes), "must be between 1024 and 1048576");
        Check(errors, MaxRequestBodyBytes is >= 1024 and <= 1024 * 1024, nameof(MaxRequestBodyBytes), "must be between 1024 and 1048576");
        Check(errors, ScorecardToleranceDays is >= 0 and <= 30, nameof(ScorecardToleranceDays), "must be between 0 and 30");
        Check(errors, ScorecardMinimumLotsForGrade is >= 1 and <= 1000, nameof(ScorecardMinimumLotsForGrade), "must be between 1 and 1000");
        Check(errors, OverdueLotGraceDays is >= 1 and <= 60, nameof(OverdueLotGraceDays), "must be between 1 and 60");
        Check(errors, OverdueSweepPageSize is >= 1 and <= 1000, nameof(OverdueSweepPageSize), "must be between 1 and 1000");
        return errors;
    }

    /// <summary>True when <paramref name="value"/> is the base64 of exactly 32 bytes.</summary>
    public static bool IsKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[33];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == 32;
    }

    private static void Check(List<string> errors, bool ok, string name, string rule)
    {
        if (!ok)
        {
            errors.Add($"{SectionName}:{name} {rule}.");
        }
    }
}
