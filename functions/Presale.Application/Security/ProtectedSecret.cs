namespace Presale.Application.Security;

/// <summary>A secret as stored: the id of the key that protected it and the opaque protected bytes.</summary>
/// <param name="KeyId">Which key protected it (never the key itself).</param>
/// <param name="Payload">The protected bytes (for AES-GCM: nonce, ciphertext and tag).</param>
public sealed record ProtectedSecret(string KeyId, byte[] Payload);
