namespace Presale.Application.Suppliers;

/// <summary>A webhook secret valid now, decrypted for verification; never leaves the process.</summary>
/// <param name="Slot">Current or previous.</param>
/// <param name="Key">The HMAC key: the UTF-8 bytes of the secret text the supplier holds.</param>
public sealed record ActiveWebhookSecret(WebhookSecretSlot Slot, ReadOnlyMemory<byte> Key);
