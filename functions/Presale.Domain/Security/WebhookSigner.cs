using System.Globalization;
using System.Text;

namespace Presale.Domain.Security;

/// <summary>
/// Produces <see cref="WebhookSignature.HeaderName"/> values. Used by the notification webhook sender and by tests
/// (the supplier side of the contract). The instant is a parameter: the caller reads its <see cref="TimeProvider"/>.
/// </summary>
public static class WebhookSigner
{
    /// <summary>
    /// The header value <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c> with one <c>v1</c> per secret, in the order given
    /// (sign with both the new and the previous secret during a rotation so either receiver configuration accepts it).
    /// </summary>
    public static string Sign(ReadOnlySpan<byte> body, DateTimeOffset timestamp, params IReadOnlyList<ReadOnlyMemory<byte>> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret is required.", nameof(secrets));
        }

        var unixSeconds = timestamp.ToUnixTimeSeconds();
        var header = new StringBuilder(16 + (secrets.Count * (WebhookSignature.HexLength + 4)));
        header.Append("t=").Append(unixSeconds.ToString(CultureInfo.InvariantCulture));
        foreach (var secret in secrets)
        {
            if (secret.IsEmpty)
            {
                throw new ArgumentException("A secret may not be empty.", nameof(secrets));
            }

            var mac = WebhookSignature.ComputeMac(secret.Span, unixSeconds, body);
            header.Append(',').Append(WebhookSignature.SchemeV1).Append('=').Append(Convert.ToHexStringLower(mac));
        }

        return header.ToString();
    }

    /// <summary>Signs with text secrets (UTF-8 bytes); see <see cref="Sign(ReadOnlySpan{byte}, DateTimeOffset, IReadOnlyList{ReadOnlyMemory{byte}})"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, DateTimeOffset timestamp, params IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var keys = new ReadOnlyMemory<byte>[secrets.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = WebhookSignature.SecretBytes(secrets[i]);
        }

        return Sign(body, timestamp, keys);
    }
}
