using Microsoft.Extensions.Options;
using Presale.Application.Returns;

namespace Presale.Functions.Composition;

/// <summary>Validates <see cref="ReturnsOptions"/> at start, listing every problem (each rule problem names its rule).</summary>
public sealed class ReturnsOptionsValidator : IValidateOptions<ReturnsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReturnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
