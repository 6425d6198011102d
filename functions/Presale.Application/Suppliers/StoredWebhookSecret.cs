using Presale.Application.Security;

namespace Presale.Application.Suppliers;

/// <summary>One webhook secret as stored: encrypted, with the id that binds its ciphertext to this supplier.</summary>
/// <param name="SecretId">Random id, part of the encryption context.</param>
/// <param name="Protected">The encrypted secret and its key id.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ValidUntil">End of its rotation overlap once replaced; null while current.</param>
internal sealed record StoredWebhookSecret(string SecretId, ProtectedSecret Protected, DateTimeOffset IssuedAt, DateTimeOffset? ValidUntil)
{
    /// <summary>The encryption context: supplier and secret id, so a ciphertext moved to another supplier does not decrypt.</summary>
    public static string Context(string supplierId, string secretId) => $"supplier-webhook-secret|{supplierId}|{secretId}";

    /// <summary>The status an operator may see.</summary>
    public WebhookSecretStatusView ToView() => new(IssuedAt, ValidUntil);
}
