using System.Security.Cryptography;
using Presale.Application.Suppliers;
using Presale.Domain.Security;

namespace Presale.Application.Security;

/// <summary>
/// Authenticates a supplier webhook: loads the supplier's secrets valid now (one point read) and checks the
/// <c>Presale-Signature</c> header over the raw body with <see cref="WebhookSignatureVerifier"/> inside
/// <see cref="SuppliersOptions.WebhookReplayWindow"/> either side of now. An unknown supplier, or one without a
/// secret, is checked against a throw-away random secret, so the header's own faults (missing, malformed, expired,
/// future) are reported the same way whether the supplier exists or not and the work done does not reveal it.
/// Replays inside the window are the event ledger's concern (<see cref="SupplierEventLedger"/>).
/// </summary>
public sealed class SupplierWebhookAuthenticator
{
    private readonly SupplierRegistry _registry;
    private readonly TimeProvider _time;
    private readonly WebhookSignatureVerifier _verifier;
    private readonly ReadOnlyMemory<byte>[] _decoy;

    /// <summary>Creates the authenticator.</summary>
    public SupplierWebhookAuthenticator(SupplierRegistry registry, TimeProvider time, SuppliersOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _time = time;
        _verifier = new WebhookSignatureVerifier(options.WebhookReplayWindow);
        _decoy = [RandomNumberGenerator.GetBytes(32)];
    }

    /// <summary>Checks <paramref name="signatureHeader"/> for <paramref name="body"/> sent to the route of <paramref name="supplierId"/>.</summary>
    public async Task<SupplierWebhookAuthentication> AuthenticateAsync(
        string supplierId,
        string? signatureHeader,
        ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supplierId);
        var secrets = await _registry.GetActiveSecretsAsync(supplierId, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (secrets is not { Count: > 0 })
        {
            var probe = _verifier.Verify(signatureHeader, body.Span, _decoy, now);
            var status = probe.Status is WebhookSignatureStatus.Mismatch or WebhookSignatureStatus.Valid
                ? (secrets is null ? SupplierWebhookStatus.UnknownSupplier : SupplierWebhookStatus.NoActiveSecret)
                : Map(probe.Status);
            return new SupplierWebhookAuthentication(status, null, probe.Timestamp);
        }

        var keys = secrets.Select(s => s.Key).ToArray();
        var result = _verifier.Verify(signatureHeader, body.Span, keys, now);
        if (!result.IsValid)
        {
            return new SupplierWebhookAuthentication(Map(result.Status), null, result.Timestamp);
        }

        var webhook = new VerifiedSupplierWebhook(supplierId, body, result.Timestamp!.Value, secrets[result.MatchedSecretIndex!.Value].Slot);
        return new SupplierWebhookAuthentication(SupplierWebhookStatus.Verified, webhook, result.Timestamp);
    }

    private static SupplierWebhookStatus Map(WebhookSignatureStatus status) => status switch
    {
        WebhookSignatureStatus.Valid => SupplierWebhookStatus.Verified,
        WebhookSignatureStatus.Missing => SupplierWebhookStatus.MissingSignature,
        WebhookSignatureStatus.Malformed => SupplierWebhookStatus.MalformedSignature,
        WebhookSignatureStatus.Expired => SupplierWebhookStatus.Expired,
        WebhookSignatureStatus.FutureTimestamp => SupplierWebhookStatus.FutureTimestamp,
        WebhookSignatureStatus.Mismatch => SupplierWebhookStatus.SignatureMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown signature status."),
    };
}
