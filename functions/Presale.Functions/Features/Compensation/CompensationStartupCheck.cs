using Microsoft.Extensions.Options;
using Presale.Application.Compensation;

namespace Presale.Functions.Features.Compensation;

/// <summary>At start: warns when one-click consent links are signed with the public development key.</summary>
internal sealed partial class CompensationStartupCheck(IOptions<CompensationOptions> options, ILogger<CompensationStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.Equals(options.Value.ConsentLinkKey?.Trim(), CompensationRegistration.DevelopmentConsentLinkKey, StringComparison.Ordinal))
        {
            LogDevelopmentKey($"{CompensationOptions.SectionName}:{nameof(CompensationOptions.ConsentLinkKey)}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Setting} is not set: one-click delay-consent links are signed with the PUBLIC development key, so anyone can forge them. " +
                  "Standalone development only; set a random 32-byte base64 key.")]
    private partial void LogDevelopmentKey(string setting);
}
