using Microsoft.Extensions.Options;
using Presale.Application.Returns;
using Presale.Domain.Returns.Triage;

namespace Presale.Functions.Features.Returns;

/// <summary>
/// Validates <see cref="ReturnsOptions"/> at start, listing every problem (each rule problem names its rule). It also
/// reports list and map entries the configuration binder could not read: the binder silently drops such an entry
/// (a rule whose <c>Priority</c> is not a number, a fee whose <c>FeePercent</c> is not a number, a window that is not a
/// whole number of days), which would otherwise leave the shop on rules or fees it did not configure.
/// </summary>
public sealed class ReturnsOptionsValidator(IConfiguration configuration) : IValidateOptions<ReturnsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReturnsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Unreadable<TriageRuleDefinition>(nameof(ReturnsOptions.Rules), errors);
        Unreadable<RestockingFeeOptions>(nameof(ReturnsOptions.RestockingFees), errors);
        Unreadable<int>(nameof(ReturnsOptions.WindowDaysByCategory), errors);
        Unreadable<int>(nameof(ReturnsOptions.WarrantyDaysByCategory), errors);
        errors.AddRange(options.Validate());
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void Unreadable<T>(string setting, List<string> errors)
    {
        foreach (var entry in configuration.GetSection($"{ReturnsOptions.SectionName}:{setting}").GetChildren())
        {
            try
            {
                entry.Get<T>();
            }
            catch (InvalidOperationException error)
            {
                // The binder's message names the value and the setting's full path.
                errors.Add($"{entry.Path} cannot be read: {error.Message}");
            }
        }
    }
}
