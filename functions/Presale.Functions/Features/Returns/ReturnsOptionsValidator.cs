using Microsoft.Extensions.Options;
using Presale.Application.Returns;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// Validates <see cref="ReturnsOptions"/> at start, listing every problem (each rule problem names its rule). A list or
/// map entry that cannot be read (a rule whose <c>Priority</c> is not a number, a window that is not a whole number of
/// days) never reaches it: the generated binder stops the start with the entry's path and value.
/// </summary>
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
