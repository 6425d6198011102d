using System.Security.Cryptography;
using System.Text;
using Presale.Application.Security;

namespace Presale.Adapters.Secrets;

/// <summary>
/// <see cref="ISecretProtector"/> with AES-256-GCM under a key from configuration (a Key Vault reference app setting in
/// Azure). Each secret gets a fresh random 96-bit nonce; the payload is <c>version (1) | nonce (12) | ciphertext | tag (16)</c>;
/// the associated data binds the key id, the format version and the caller's context, so a payload moved to another
/// row or relabelled with another key id fails to decrypt. Key ids are derived from the keys (an HMAC of a fixed label
/// under the key, truncated), so configuration holds only keys and a stored key id can never point at the wrong key.
/// Earlier keys stay readable while they are listed as previous keys; new secrets always use the current key.
/// </summary>
public sealed class AesGcmSecretProtector : ISecretProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;

    private readonly byte[] _currentKey;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    /// <summary>Creates the protector from base64 keys of 32 bytes each: the current one and earlier ones still to be read.</summary>
    /// <exception cref="ArgumentException">A key is not the base64 of 32 bytes.</exception>
    public AesGcmSecretProtector(string currentKey, IEnumerable<string>? previousKeys = null)
    {
        _currentKey = DecodeKey(currentKey, nameof(currentKey));
        CurrentKeyId = KeyIdOf(_currentKey);
        _keys[CurrentKeyId] = _currentKey;
        foreach (var previous in previousKeys ?? [])
        {
            var key = DecodeKey(previous, nameof(previousKeys));
            _keys.TryAdd(KeyIdOf(key), key);
        }
    }

    /// <inheritdoc />
    public string CurrentKeyId { get; }

    /// <summary>The ids of every key this protector can decrypt with.</summary>
    public IReadOnlyCollection<string> KnownKeyIds => _keys.Keys;

    /// <summary>The id a key is recorded under: <c>k</c> and 12 hex digits of HMAC-SHA256(key, "presale-secret-key-id").</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> key)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, "presale-secret-key-id"u8, mac);
        return "k" + Convert.ToHexStringLower(mac[..6]);
    }

    /// <inheritdoc />
    public ValueTask<ProtectedSecret> ProtectAsync(ReadOnlyMemory<byte> plaintext, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = new byte[1 + NonceSize + plaintext.Length + TagSize];
        payload[0] = FormatVersion;
        var nonce = payload.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_currentKey, TagSize);
        aes.Encrypt(
            nonce,
            plaintext.Span,
            payload.AsSpan(1 + NonceSize, plaintext.Length),
            payload.AsSpan(1 + NonceSize + plaintext.Length, TagSize),
            AssociatedData(CurrentKeyId, context));
        return ValueTask.FromResult(new ProtectedSecret(CurrentKeyId, payload));
    }

    /// <inheritdoc />
    public ValueTask<byte[]> UnprotectAsync(ProtectedSecret secret, string context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(context);
        if (!_keys.TryGetValue(secret.KeyId, out var key))
        {
            throw new SecretUnprotectException(
                $"The secret was protected with key '{secret.KeyId}', which is not configured: add that key to " +
                "Presale:Suppliers:PreviousSecretEncryptionKeys, or issue a new secret.");
        }

        var payload = secret.Payload;
        if (payload.Length < 1 + NonceSize + TagSize || payload[0] != FormatVersion)
        {
            throw new SecretUnprotectException($"The protected secret under key '{secret.KeyId}' has an unknown format.");
        }

        var length = payload.Length - 1 - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(
                payload.AsSpan(1, NonceSize),
                payload.AsSpan(1 + NonceSize, length),
                payload.AsSpan(1 + NonceSize + length, TagSize),
                plaintext,
                AssociatedData(secret.KeyId, context));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new SecretUnprotectException(
                $"The protected secret under key '{secret.KeyId}' does not authenticate: it was altered or belongs to another row.", ex);
        }

        return ValueTask.FromResult(plaintext);
    }

    private static byte[] AssociatedData(string keyId, string context) =>
        Encoding.UTF8.GetBytes($"presale-secret|v{FormatVersion}|{keyId}|{context}");

    private static byte[] DecodeKey(string? base64, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(base64, parameter);
        var key = new byte[KeySize + 1];
        if (!Convert.TryFromBase64String(base64.Trim(), key, out var written) || written != KeySize)
        {
            throw new ArgumentException("An encryption key must be the base64 of exactly 32 bytes.", parameter);
        }

        return key[..KeySize];
    }
}
