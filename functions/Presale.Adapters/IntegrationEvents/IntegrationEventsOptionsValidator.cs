using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Presale.Application.IntegrationEvents;

namespace Presale.Adapters.IntegrationEvents;

/// <summary>
/// Checks <see cref="IntegrationEventsOptions"/> at start; every failure names its setting (<c>Presale:Events:X</c>, or
/// the connection setting). With a topic, the connection is resolved from <paramref name="setting"/> without creating a
/// client or a credential.
/// </summary>
internal sealed partial class IntegrationEventsOptionsValidator(Func<string, string?> setting) : IValidateOptions<IntegrationEventsOptions>
{
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(1);

    public ValidateOptionsResult Validate(string? name, IntegrationEventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Topic is { } topic && !string.IsNullOrWhiteSpace(topic) && !TopicName().IsMatch(topic))
        {
            failures.Add($"{Setting(nameof(options.Topic))}: '{topic}' is not a topic name (1–260 letters, digits, '.', '-', '_' and '/', starting and ending with a letter or digit).");
        }

        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            failures.Add($"{Setting(nameof(options.Connection))}: must name a connection setting (default ServiceBusConnection).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Setting(nameof(options.MaxRetries))}: must be between 0 and 10.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > MaxBackOff)
        {
            failures.Add($"{Setting(nameof(options.RetryDelay))}: must be more than 0 and at most 00:01:00.");
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > MaxBackOff)
        {
            failures.Add($"{Setting(nameof(options.MaxRetryDelay))}: must be at least {Setting(nameof(options.RetryDelay))} and at most 00:01:00.");
        }

        if (options.TryTimeout < TimeSpan.FromSeconds(1) || options.TryTimeout > MaxBackOff)
        {
            failures.Add($"{Setting(nameof(options.TryTimeout))}: must be between 00:00:01 and 00:01:00.");
        }

        if (options.BreakDuration < TimeSpan.FromSeconds(1) || options.BreakDuration > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Setting(nameof(options.BreakDuration))}: must be between 00:00:01 and 00:10:00.");
        }

        if (options.Enabled && failures.Count == 0)
        {
            try
            {
                _ = ServiceBusEventsConnection.Resolve(options, setting);
            }
            catch (Exception error) when (error is FormatException or InvalidOperationException)
            {
                failures.Add($"{Setting(nameof(options.Connection))} ('{options.Connection}'): {error.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string property) => $"{IntegrationEventsOptions.SectionName}:{property}";

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._/-]{0,258}[A-Za-z0-9])?$")]
    private static partial Regex TopicName();
}
