using FluentValidation;
using Microsoft.Extensions.Options;

namespace Presale.Functions.Host;

/// <summary>
/// Options sections checked at start with their FluentValidation rules (the Application layer's
/// <c>…OptionsValidator</c>): the app does not start while a setting is wrong, and every message names its setting.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Validates <typeparamref name="TOptions"/> at start with <paramref name="rules"/>, and registers its value for
    /// handlers that take the options themselves. The caller binds the section itself
    /// (<c>AddOptions&lt;T&gt;().BindConfiguration(…)</c>) so that the binding is generated at build for its concrete type.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateOnStartWith<TOptions>(this OptionsBuilder<TOptions> options, IValidator<TOptions> rules)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ValidateOnStart();
        options.Services.AddSingleton<IValidateOptions<TOptions>>(new FluentValidation<TOptions>(rules));
        options.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return options;
    }

    private sealed class FluentValidation<TOptions>(IValidator<TOptions> rules) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var result = rules.Validate(options);
            return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors.Select(e => e.ErrorMessage));
        }
    }
}
