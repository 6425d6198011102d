using Microsoft.Extensions.Options;
using Presale.Application.Security;
using Presale.Application.Suppliers;

namespace Presale.Functions.Features.Suppliers;

/// <summary>
/// At start: builds the secret protector (so a bad key fails the start, not the first webhook) and warns when the
/// public development key protects supplier secrets.
/// </summary>
internal sealed partial class SuppliersStartupCheck(
    IOptions<SuppliersOptions> options,
    ISecretProtector protector,
    ILogger<SuppliersStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(options.Value.SecretEncryptionKey?.Trim(), SuppliersOptions.DevelopmentSecretEncryptionKey, StringComparison.Ordinal))
        {
            LogDevelopmentKey($"{SuppliersOptions.SectionName}:{nameof(SuppliersOptions.SecretEncryptionKey)}", protector.CurrentKeyId);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Setting} is not set: supplier webhook secrets are encrypted with the PUBLIC development key (key id {KeyId}). " +
                  "Standalone development only; set a random 32-byte base64 key before storing real secrets.")]
    private partial void LogDevelopmentKey(string setting, string keyId);
}
