using Presale.Application.Suppliers;

namespace Presale.Application.Security;

/// <summary>A supplier webhook request whose signature was verified: the exact body bytes the supplier signed.</summary>
/// <param name="SupplierId">The supplier the route names (and whose secret signed the body).</param>
/// <param name="Body">The raw body, byte for byte as signed; parse it, never re-read the request.</param>
/// <param name="SignedAt">The signed timestamp (inside the replay window).</param>
/// <param name="MatchedSecret">Which secret matched; <see cref="WebhookSecretSlot.Previous"/> means the supplier has not switched to the new secret yet.</param>
public sealed record VerifiedSupplierWebhook(string SupplierId, ReadOnlyMemory<byte> Body, DateTimeOffset SignedAt, WebhookSecretSlot MatchedSecret);
