using Microsoft.Extensions.Options;
using Presale.Application.Suppliers;

namespace Presale.Functions.Features.Suppliers;

/// <summary>Fails the start when a <see cref="SuppliersOptions"/> setting is invalid; each message names its setting.</summary>
internal sealed class SuppliersOptionsValidator(bool standalone) : IValidateOptions<SuppliersOptions>
{
    public ValidateOptionsResult Validate(string? name, SuppliersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (!standalone && string.Equals(options.SecretEncryptionKey?.Trim(), SuppliersOptions.DevelopmentSecretEncryptionKey, StringComparison.Ordinal))
        {
            errors.Add($"{SuppliersOptions.SectionName}:{nameof(SuppliersOptions.SecretEncryptionKey)} is the public development key, " +
                       "which is refused under the Functions host: set a Key Vault reference to a random 32-byte key.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
