using System.Security.Cryptography;
using System.Text.Json;

namespace Presale.Application.Common;

/// <summary>
/// A fingerprint of a parsed request (its canonical JSON, not the raw bytes, so formatting differences do not matter):
/// what idempotent endpoints compare to tell "the same request again" from "another request under the same key".
/// </summary>
public static class RequestHash
{
    /// <summary>The SHA-256 of <paramref name="value"/>'s JSON and the <paramref name="scope"/> it is addressed to, as hex.</summary>
    public static string Of<T>(string scope, T value)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var json = JsonSerializer.SerializeToUtf8Bytes(value, PresaleJson.Options);
        var scoped = new byte[json.Length + scope.Length * 3 + 1];
        var written = System.Text.Encoding.UTF8.GetBytes(scope, scoped);
        scoped[written] = 0;
        json.CopyTo(scoped.AsSpan(written + 1));
        return Convert.ToHexStringLower(SHA256.HashData(scoped.AsSpan(0, written + 1 + json.Length)));
    }
}
