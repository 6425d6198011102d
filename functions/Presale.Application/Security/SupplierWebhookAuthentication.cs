namespace Presale.Application.Security;

/// <summary>The result of <see cref="SupplierWebhookAuthenticator.AuthenticateAsync"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Webhook">The verified request when <see cref="Status"/> is <see cref="SupplierWebhookStatus.Verified"/>; null otherwise.</param>
/// <param name="SignedAt">The signed timestamp when the header could be parsed.</param>
public sealed record SupplierWebhookAuthentication(SupplierWebhookStatus Status, VerifiedSupplierWebhook? Webhook, DateTimeOffset? SignedAt)
{
    /// <summary>True when the request may proceed to its handler.</summary>
    public bool IsVerified => Status == SupplierWebhookStatus.Verified;
}
