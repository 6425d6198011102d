namespace Presale.Application.Security;

/// <summary>
/// Encrypts small secrets (supplier webhook secrets) for storage, so a dump of the table alone does not reveal them.
/// The implementation holds the key; the stored <see cref="ProtectedSecret"/> records which key protected it so keys
/// can rotate. <c>AesGcmSecretProtector</c> (key from configuration, a Key Vault reference in Azure) is the one that
/// exists; a Key Vault wrap/unwrap implementation could replace it behind this port.
/// </summary>
public interface ISecretProtector
{
    /// <summary>The id of the key <see cref="ProtectAsync"/> uses now (recorded with every protected secret).</summary>
    string CurrentKeyId { get; }

    /// <summary>
    /// Encrypts <paramref name="plaintext"/>, binding it to <paramref name="context"/> (for example the supplier id and
    /// slot): the same context is needed to decrypt, so a ciphertext copied to another row does not decrypt there.
    /// </summary>
    ValueTask<ProtectedSecret> ProtectAsync(ReadOnlyMemory<byte> plaintext, string context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decrypts what <see cref="ProtectAsync"/> produced under the same <paramref name="context"/>.
    /// </summary>
    /// <exception cref="SecretUnprotectException">
    /// The key id is unknown (a retired key was removed from configuration) or the ciphertext, tag or context do not match.
    /// </exception>
    ValueTask<byte[]> UnprotectAsync(ProtectedSecret secret, string context, CancellationToken cancellationToken = default);
}
