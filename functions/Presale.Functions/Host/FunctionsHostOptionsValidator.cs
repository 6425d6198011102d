using Microsoft.Extensions.Options;

namespace Presale.Functions.Host;

/// <summary>Checks <see cref="FunctionsHostOptions"/> at start, naming the setting at fault.</summary>
internal sealed class FunctionsHostOptionsValidator : IValidateOptions<FunctionsHostOptions>
{
    /// <summary>Keys shorter than this are guessable.</summary>
    public const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, FunctionsHostOptions options)
    {
        var failures = new List<string>();
        CheckKey(options.AdminKey, nameof(FunctionsHostOptions.AdminKey), failures);
        CheckKey(options.FunctionKey, nameof(FunctionsHostOptions.FunctionKey), failures);

        if (options.MetadataPath is { Length: > 0 } path && !File.Exists(path))
        {
            failures.Add($"{Setting(nameof(FunctionsHostOptions.MetadataPath))}: file '{path}' does not exist.");
        }

        if (options.ScheduleTimeZone is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            failures.Add($"{Setting(nameof(FunctionsHostOptions.ScheduleTimeZone))}: unknown time zone '{zone}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckKey(string? key, string property, List<string> failures)
    {
        if (key is not null && key.Trim().Length < MinimumKeyLength)
        {
            failures.Add($"{Setting(property)} must be at least {MinimumKeyLength} characters (or unset).");
        }
    }

    private static string Setting(string property) => $"{FunctionsHostOptions.SectionName}:{property}";
}
