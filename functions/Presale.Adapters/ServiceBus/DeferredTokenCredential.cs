using Azure.Core;

namespace Presale.Adapters.ServiceBus;

/// <summary>
/// A credential created on its first token request. Building <c>DefaultAzureCredential</c> sets up its whole chain of
/// sources, which a process that never publishes to Service Bus (or not yet: a cold instance answering its health
/// probe) does not need.
/// </summary>
internal sealed class DeferredTokenCredential(Func<TokenCredential> create) : TokenCredential
{
    private readonly Lazy<TokenCredential> _credential = new(create);

    /// <inheritdoc />
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        _credential.Value.GetToken(requestContext, cancellationToken);

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        _credential.Value.GetTokenAsync(requestContext, cancellationToken);
}
