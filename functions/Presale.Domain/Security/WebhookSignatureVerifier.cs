using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Presale.Domain.Security;

/// <summary>
/// Checks a <see cref="WebhookSignature.HeaderName"/> header against the raw request body, one or two active secrets
/// (two during a rotation) and a replay window around the receiver's current instant. Comparison is constant-time
/// (<see cref="CryptographicOperations.FixedTimeEquals"/>) and every candidate is compared, so timing does not reveal
/// which part of which signature matched. Replay of a fresh request (same event id) is the caller's concern: this
/// only bounds how old a captured request may be.
/// </summary>
public sealed class WebhookSignatureVerifier
{
    /// <summary>The default replay window: 5 minutes either side of the receiver's clock.</summary>
    public static readonly TimeSpan DefaultReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>The longest header accepted (bounds parsing work on hostile input).</summary>
    public const int MaxHeaderLength = 1024;

    /// <summary>The most <c>v1</c> entries accepted in one header.</summary>
    public const int MaxSignatures = 8;

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Creates a verifier with <paramref name="replayWindow"/> (default <see cref="DefaultReplayWindow"/>).</summary>
    public WebhookSignatureVerifier(TimeSpan? replayWindow = null)
    {
        var window = replayWindow ?? DefaultReplayWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero, nameof(replayWindow));
        ReplayWindow = window;
    }

    /// <summary>How far the signed timestamp may lie before or after the receiver's clock.</summary>
    public TimeSpan ReplayWindow { get; }

    /// <summary>
    /// Verifies <paramref name="header"/> for <paramref name="body"/> at <paramref name="now"/> against
    /// <paramref name="secrets"/> (the active ones; order is reported back as <see cref="WebhookSignatureResult.MatchedSecretIndex"/>).
    /// Checks, in order: presence, shape, timestamp window, then the signatures.
    /// </summary>
    public WebhookSignatureResult Verify(string? header, ReadOnlySpan<byte> body, IReadOnlyList<ReadOnlyMemory<byte>> secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one active secret is required.", nameof(secrets));
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return new WebhookSignatureResult(WebhookSignatureStatus.Missing, null, null);
        }

        if (!TryParse(header, out var unixSeconds, out var signatures))
        {
            return new WebhookSignatureResult(WebhookSignatureStatus.Malformed, null, null);
        }

        var timestamp = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if (timestamp < now - ReplayWindow)
        {
            return new WebhookSignatureResult(WebhookSignatureStatus.Expired, timestamp, null);
        }

        if (timestamp > now + ReplayWindow)
        {
            return new WebhookSignatureResult(WebhookSignatureStatus.FutureTimestamp, timestamp, null);
        }

        int? matched = null;
        for (var s = 0; s < secrets.Count; s++)
        {
            if (secrets[s].IsEmpty)
            {
                throw new ArgumentException("A secret may not be empty.", nameof(secrets));
            }

            var expected = WebhookSignature.ComputeMac(secrets[s].Span, unixSeconds, body);
            foreach (var candidate in signatures)
            {
                // Every pair is compared (no early exit) so timing does not depend on where a match is.
                if (CryptographicOperations.FixedTimeEquals(expected, candidate) && matched is null)
                {
                    matched = s;
                }
            }
        }

        return matched is { } index
            ? new WebhookSignatureResult(WebhookSignatureStatus.Valid, timestamp, index)
            : new WebhookSignatureResult(WebhookSignatureStatus.Mismatch, timestamp, null);
    }

    /// <summary>Verifies with text secrets (UTF-8 bytes); see <see cref="Verify(string?, ReadOnlySpan{byte}, IReadOnlyList{ReadOnlyMemory{byte}}, DateTimeOffset)"/>.</summary>
    public WebhookSignatureResult Verify(string? header, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var keys = new ReadOnlyMemory<byte>[secrets.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = WebhookSignature.SecretBytes(secrets[i]);
        }

        return Verify(header, body, keys, now);
    }

    /// <summary>Verifies a body given as text (encoded as UTF-8, as it went over the wire).</summary>
    public WebhookSignatureResult Verify(string? header, string body, IReadOnlyList<string> secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(header, Encoding.UTF8.GetBytes(body), secrets, now);
    }

    /// <summary>
    /// Parses <c>t=&lt;digits&gt;</c> (exactly once) and one to <see cref="MaxSignatures"/> <c>v1=&lt;64 hex&gt;</c>
    /// entries, separated by commas, optional spaces around entries. Entries of other schemes (<c>v0=</c>, a future
    /// <c>v2=</c>) are ignored, as Stripe does, so the scheme can evolve.
    /// </summary>
    private static bool TryParse(string header, out long unixSeconds, out List<byte[]> signatures)
    {
        unixSeconds = 0;
        signatures = [];
        if (header.Length > MaxHeaderLength)
        {
            return false;
        }

        var sawTimestamp = false;
        foreach (var range in header.AsSpan().Split(','))
        {
            var entry = header.AsSpan()[range].Trim(' ');
            var equals = entry.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var key = entry[..equals];
            var value = entry[(equals + 1)..];
            if (key.SequenceEqual("t"))
            {
                if (sawTimestamp || value.IsEmpty || value.Length > 12 || !IsAsciiDigits(value)
                    || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds)
                    || unixSeconds > MaxUnixSeconds)
                {
                    return false;
                }

                sawTimestamp = true;
            }
            else if (key.SequenceEqual(WebhookSignature.SchemeV1))
            {
                if (value.Length != WebhookSignature.HexLength || signatures.Count == MaxSignatures)
                {
                    return false;
                }

                var bytes = new byte[WebhookSignature.HexLength / 2];
                if (Convert.FromHexString(value, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
                    || written != bytes.Length)
                {
                    return false;
                }

                signatures.Add(bytes);
            }
        }

        return sawTimestamp && signatures.Count > 0;
    }

    private static bool IsAsciiDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
