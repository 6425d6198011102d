using Microsoft.Extensions.Options;
using Presale.Application.Compensation;

namespace Presale.Functions.Composition;

/// <summary>Fails the start when a <see cref="CompensationOptions"/> setting is invalid; each message names its setting.</summary>
internal sealed class CompensationOptionsValidator(bool standalone) : IValidateOptions<CompensationOptions>
{
    public ValidateOptionsResult Validate(string? name, CompensationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (!standalone && string.Equals(options.ConsentLinkKey?.Trim(), CompensationServiceCollectionExtensions.DevelopmentConsentLinkKey, StringComparison.Ordinal))
        {
            errors.Add($"{CompensationOptions.SectionName}:{nameof(CompensationOptions.ConsentLinkKey)} is the public development key, " +
                       "which is refused under the Functions host: set a Key Vault reference to a random 32-byte base64 key.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
