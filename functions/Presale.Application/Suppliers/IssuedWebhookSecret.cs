namespace Presale.Application.Suppliers;

/// <summary>
/// A newly issued webhook secret — the only time its value is ever shown. The supplier signs with it from now on;
/// the previous secret, if any, stays valid until <paramref name="PreviousSecretValidUntil"/>.
/// </summary>
/// <param name="SupplierId">The supplier.</param>
/// <param name="Secret">The secret text (<c>whsec_</c> and 43 base64url characters); its UTF-8 bytes are the HMAC key.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="PreviousSecretValidUntil">When the previous secret stops being accepted; null when there is none.</param>
public sealed record IssuedWebhookSecret(string SupplierId, string Secret, DateTimeOffset IssuedAt, DateTimeOffset? PreviousSecretValidUntil);
