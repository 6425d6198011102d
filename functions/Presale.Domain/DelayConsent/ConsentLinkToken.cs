using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Presale.Domain.Common;

namespace Presale.Domain.DelayConsent;

/// <summary>
/// Compact, URL-safe signed tokens for one-click delay-consent links:
/// <c>v1.{base64url(payload)}.{base64url(HMAC-SHA256(key, "v1." + base64url(payload)))}</c>, where the payload is
/// <c>actions \n delayNumber \n expiryUnixSeconds \n orderId</c> in UTF-8. Keys are parameters (at least 32 bytes);
/// verification accepts several keys so a key can be rotated, compares signatures in constant time, and reads the
/// payload only after the signature matched.
/// </summary>
public static class ConsentLinkToken
{
    /// <summary>The shortest key accepted, in bytes.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The longest token accepted, in characters; longer input is rejected before any work.</summary>
    public const int MaxLength = 1024;

    private const string Version = "v1";
    private const int SignatureBytes = 32;

    /// <summary>Signs <paramref name="claims"/> with <paramref name="key"/>.</summary>
    public static string Create(ConsentLinkClaims claims, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(claims);
        CheckKey(key);
        if (Identifier.Validate(claims.OrderId, "The order id") is { } error)
        {
            throw new ArgumentException(error, nameof(claims));
        }

        if (claims.Actions == ConsentActions.None || (claims.Actions & ~(ConsentActions.Accept | ConsentActions.Cancel)) != 0)
        {
            throw new ArgumentException("A consent link allows accept, cancel or both.", nameof(claims));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(claims.DelayNumber);
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $"{(int)claims.Actions}\n{claims.DelayNumber}\n{claims.ExpiresAt.ToUnixTimeSeconds()}\n{claims.OrderId}");
        var signed = Version + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var token = signed + "." + Base64Url.EncodeToString(Sign(signed, key));
        return token.Length <= MaxLength
            ? token
            : throw new ArgumentException("The claims make a token longer than a link allows.", nameof(claims));
    }

    /// <summary>
    /// Verifies <paramref name="token"/> against <paramref name="keys"/> (current first, then previous ones) at
    /// <paramref name="now"/>. Tampered or forged tokens are <see cref="ConsentLinkStatus.InvalidSignature"/>, expired
    /// ones <see cref="ConsentLinkStatus.Expired"/> (a token is valid strictly before its expiry).
    /// </summary>
    public static ConsentLinkVerification Verify(string? token, IReadOnlyList<byte[]> keys, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one key is required.", nameof(keys));
        }

        foreach (var key in keys)
        {
            CheckKey(key);
        }

        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return Malformed();
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || parts[0] != Version
            || !TryDecode(parts[1], out var payloadBytes)
            || !TryDecode(parts[2], out var signature)
            || signature.Length != SignatureBytes)
        {
            return Malformed();
        }

        var signed = parts[0] + "." + parts[1];
        var authentic = false;
        foreach (var key in keys)
        {
            // Every key is tried even after a match, so timing does not reveal which key signed.
            authentic |= CryptographicOperations.FixedTimeEquals(Sign(signed, key), signature);
        }

        if (!authentic)
        {
            return new(ConsentLinkStatus.InvalidSignature, null);
        }

        if (!TryParse(payloadBytes, out var claims))
        {
            return Malformed();
        }

        return now < claims.ExpiresAt ? new(ConsentLinkStatus.Valid, claims) : new(ConsentLinkStatus.Expired, claims);
    }

    private static ConsentLinkVerification Malformed() => new(ConsentLinkStatus.Malformed, null);

    private static byte[] Sign(string signed, ReadOnlySpan<byte> key) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"A consent link key has at least {MinimumKeyBytes} bytes.", nameof(key));
        }
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        // Only the canonical encoding is accepted, so a token has exactly one spelling.
        return Base64Url.EncodeToString(bytes) == text;
    }

    private static bool TryParse(byte[] payloadBytes, out ConsentLinkClaims claims)
    {
        claims = null!;
        if (!System.Text.Unicode.Utf8.IsValid(payloadBytes))
        {
            return false;
        }

        var fields = Encoding.UTF8.GetString(payloadBytes).Split('\n', 4);
        const NumberStyles digits = NumberStyles.None;
        if (fields.Length != 4
            || !int.TryParse(fields[0], digits, CultureInfo.InvariantCulture, out var actions)
            || !int.TryParse(fields[1], digits, CultureInfo.InvariantCulture, out var delayNumber)
            || !long.TryParse(fields[2], digits, CultureInfo.InvariantCulture, out var expiry)
            || expiry > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || actions is < 1 or > 3
            || Identifier.Validate(fields[3], "The order id") is not null)
        {
            return false;
        }

        claims = new ConsentLinkClaims(fields[3], (ConsentActions)actions, delayNumber, DateTimeOffset.FromUnixTimeSeconds(expiry));
        return true;
    }
}
