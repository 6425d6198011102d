using Microsoft.Extensions.Options;
using Presale.Application.Compensation;

namespace Presale.Functions.Features.Compensation;

/// <summary>Fails the start when a <see cref="CompensationOptions"/> setting is invalid; each message names its setting.</summary>
internal sealed class CompensationOptionsValidator(bool standalone) : IValidateOptions<CompensationOptions>
{
    public ValidateOptionsResult Validate(string? name, CompensationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (!standalone && string.Equals(options.ConsentLinkKey?.Trim(), CompensationRegistration.DevelopmentConsentLinkKey, StringComparison.Ordinal))
        {
            errors.Add($"{CompensationOptions.SectionName}:{nameof(CompensationOptions.ConsentLinkKey)} is the public development key, " +
                       "which is refused under the Functions host: set a Key Vault reference to a random 32-byte base64 key.");
        }

        if (!standalone && Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicBaseUrl) && publicBaseUrl.IsLoopback)
        {
            errors.Add($"{CompensationOptions.SectionName}:{nameof(CompensationOptions.PublicBaseUrl)} is '{options.PublicBaseUrl}', a loopback address, " +
                       "which is refused under the Functions host: the consent links of delay notices would point at the customer's own machine. " +
                       "Set it to the app's public address (infra-bicep sets https://<default host name>).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
