using FluentValidation;
using Microsoft.Extensions.Options;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// Checks an options section at start with its FluentValidation rules (the Application layer's
/// <c>…OptionsValidator</c>), failing with every message, each naming its setting.
/// </summary>
internal sealed class FluentOptionsValidation<TOptions>(IValidator<TOptions> rules) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = rules.Validate(options);
        return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors.Select(e => e.ErrorMessage));
    }
}
