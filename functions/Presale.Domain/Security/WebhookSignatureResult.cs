namespace Presale.Domain.Security;

/// <summary>The typed outcome of <see cref="WebhookSignatureVerifier.Verify(string?, ReadOnlySpan{byte}, IReadOnlyList{ReadOnlyMemory{byte}}, DateTimeOffset)"/>.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Timestamp">The signed timestamp when the header could be parsed; null for Missing and Malformed.</param>
/// <param name="MatchedSecretIndex">
/// For Valid, the index (in the list passed to the verifier) of the secret that matched — lets the caller see when
/// senders still use the previous secret during a rotation; null otherwise.
/// </param>
public sealed record WebhookSignatureResult(WebhookSignatureStatus Status, DateTimeOffset? Timestamp, int? MatchedSecretIndex)
{
    /// <summary>True when the request is authentic and fresh.</summary>
    public bool IsValid => Status == WebhookSignatureStatus.Valid;
}
