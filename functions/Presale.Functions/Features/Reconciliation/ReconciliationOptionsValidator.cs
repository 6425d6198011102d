using Microsoft.Extensions.Options;
using Presale.Application.Reconciliation;

namespace Presale.Functions.Features.Reconciliation;

/// <summary>Validates <see cref="ReconciliationOptions"/> at start; each failure names its setting.</summary>
internal sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
