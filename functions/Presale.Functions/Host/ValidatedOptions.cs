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
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/>, validates it at start with
    /// <paramref name="rules"/>, and registers its value for handlers that take the options themselves.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string section, IValidator<TOptions> rules)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new FluentValidation<TOptions>(rules));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services;
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
