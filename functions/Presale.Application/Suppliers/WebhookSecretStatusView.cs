namespace Presale.Application.Suppliers;

/// <summary>What an operator may see about one webhook secret: when it was issued and until when it is valid — never its value.</summary>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="ValidUntil">For the previous secret, the end of the rotation overlap; null for the current one (valid until replaced).</param>
public sealed record WebhookSecretStatusView(DateTimeOffset IssuedAt, DateTimeOffset? ValidUntil);
