using Microsoft.Extensions.Options;

namespace Presale.Functions.Host.Standalone;

/// <summary>Checks <see cref="QueuePumpOptions"/> at start, naming the setting at fault.</summary>
internal sealed class QueuePumpOptionsValidator : IValidateOptions<QueuePumpOptions>
{
    public ValidateOptionsResult Validate(string? name, QueuePumpOptions options)
    {
        var failures = new List<string>();
        if (options.MaxDeliveryCount < 1)
        {
            failures.Add($"{Setting(nameof(options.MaxDeliveryCount))} must be at least 1.");
        }

        if (options.LockDuration < TimeSpan.FromSeconds(1) || options.LockDuration > TimeSpan.FromDays(7))
        {
            failures.Add($"{Setting(nameof(options.LockDuration))} must be between 1 second and 7 days (a storage queue's visibility limit).");
        }

        if (options.BatchSize is < 1 or > 32)
        {
            failures.Add($"{Setting(nameof(options.BatchSize))} must be from 1 to 32.");
        }

        if (options.MinIdleDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(options.MinIdleDelay))} must be positive.");
        }

        if (options.MaxIdleDelay < options.MinIdleDelay)
        {
            failures.Add($"{Setting(nameof(options.MaxIdleDelay))} must be at least {Setting(nameof(options.MinIdleDelay))}.");
        }

        if (options.AbandonDelay < TimeSpan.Zero)
        {
            failures.Add($"{Setting(nameof(options.AbandonDelay))} must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string property) => $"{QueuePumpOptions.SectionName}:{property}";
}
