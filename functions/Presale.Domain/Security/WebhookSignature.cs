using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Presale.Domain.Security;

/// <summary>
/// The <c>Presale-Signature</c> scheme shared by supplier webhooks (inbound) and the shop notification webhook
/// (outbound), in the Stripe/GitHub style: <c>Presale-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>
/// where each <c>v1</c> is the lower-case hex HMAC-SHA256, keyed with a shared secret, of the ASCII timestamp, a dot,
/// and the raw request body bytes exactly as sent.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The HTTP header that carries the signature.</summary>
    public const string HeaderName = "Presale-Signature";

    /// <summary>The signature scheme this version writes and accepts.</summary>
    public const string SchemeV1 = "v1";

    /// <summary>Length of one hex-encoded HMAC-SHA256.</summary>
    public const int HexLength = 64;

    /// <summary>The HMAC-SHA256 of <c>timestamp + "." + body</c> under <paramref name="secret"/> (32 bytes).</summary>
    public static byte[] ComputeMac(ReadOnlySpan<byte> secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        Span<byte> prefix = stackalloc byte[24];
        unixSeconds.TryFormat(prefix, out var written, provider: CultureInfo.InvariantCulture);
        prefix[written++] = (byte)'.';
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The secret bytes used for a secret given as text (UTF-8, as Stripe and GitHub do).</summary>
    public static byte[] SecretBytes(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Encoding.UTF8.GetBytes(secret);
    }
}
