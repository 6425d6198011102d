using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Presale.Application.Notifications;

namespace Presale.Functions.Features.Notifications;

/// <summary>Checks <see cref="NotificationsOptions"/> at start; every failure names its setting (<c>Presale:Notifications:X</c>).</summary>
internal sealed partial class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    /// <summary>Secrets shorter than this are guessable.</summary>
    public const int MinimumSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!QueueName().IsMatch(options.Queue ?? string.Empty))
        {
            failures.Add($"{Setting(nameof(options.Queue))}: '{options.Queue}' is not a queue name (3–63 lower-case letters, digits and single hyphens).");
        }

        CheckTable(options.FeedTable, nameof(options.FeedTable), failures);
        CheckTable(options.DeliveryTable, nameof(options.DeliveryTable), failures);
        if (string.Equals(options.FeedTable, options.DeliveryTable, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Setting(nameof(options.DeliveryTable))}: must differ from {Setting(nameof(options.FeedTable))}.");
        }

        if (!string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            CheckWebhook(options, failures);
        }

        if (options.PreviousWebhookSecret is { } previous && previous.Length < MinimumSecretLength)
        {
            failures.Add($"{Setting(nameof(options.PreviousWebhookSecret))}: must be at least {MinimumSecretLength} characters when set.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{Setting(nameof(options.Timeout))}: must be more than zero and at most 2 minutes (it is {options.Timeout}).");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{Setting(nameof(options.MaxAttempts))}: must be from 1 to 100 (it is {options.MaxAttempts}).");
        }

        if (options.AttemptsPerInvocation < 1 || options.AttemptsPerInvocation > options.MaxAttempts)
        {
            failures.Add($"{Setting(nameof(options.AttemptsPerInvocation))}: must be from 1 to {Setting(nameof(options.MaxAttempts))} (it is {options.AttemptsPerInvocation}).");
        }

        if (options.InitialRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.InitialRetryDelay)
        {
            failures.Add($"{Setting(nameof(options.InitialRetryDelay))} must be more than zero and at most {Setting(nameof(options.MaxRetryDelay))}.");
        }

        if (options.DeliveryLease <= options.Timeout + options.MaxRetryDelay)
        {
            failures.Add($"{Setting(nameof(options.DeliveryLease))}: must exceed {Setting(nameof(options.Timeout))} + {Setting(nameof(options.MaxRetryDelay))} " +
                $"({options.Timeout + options.MaxRetryDelay}), or a live delivery could lose its lease between two attempts (it is {options.DeliveryLease}).");
        }

        if (options.MaxDeliveryCount < 1)
        {
            failures.Add($"{Setting(nameof(options.MaxDeliveryCount))}: must be at least 1 (it is {options.MaxDeliveryCount}).");
        }
        else if (options.AttemptsPerInvocation >= 1
            && (options.MaxAttempts + options.AttemptsPerInvocation - 1) / options.AttemptsPerInvocation > options.MaxDeliveryCount)
        {
            failures.Add($"{Setting(nameof(options.MaxAttempts))}: {options.MaxAttempts} attempts at {options.AttemptsPerInvocation} per delivery need more deliveries " +
                $"than the queue's {Setting(nameof(options.MaxDeliveryCount))} ({options.MaxDeliveryCount}).");
        }

        if (options.DefaultPageSize is < 1 or > NotificationsOptions.MaxPageSize)
        {
            failures.Add($"{Setting(nameof(options.DefaultPageSize))}: must be from 1 to {NotificationsOptions.MaxPageSize} (it is {options.DefaultPageSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckWebhook(NotificationsOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.WebhookUrl!.Trim(), UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && IsLoopback(url))))
        {
            failures.Add($"{Setting(nameof(options.WebhookUrl))}: '{options.WebhookUrl}' must be an absolute https URL (http only to a loopback address).");
        }

        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            failures.Add($"{Setting(nameof(options.WebhookSecret))}: required when {Setting(nameof(options.WebhookUrl))} is set (the secret agreed with the shop that signs each POST).");
        }
        else if (options.WebhookSecret.Length < MinimumSecretLength)
        {
            failures.Add($"{Setting(nameof(options.WebhookSecret))}: must be at least {MinimumSecretLength} characters.");
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static void CheckTable(string? table, string property, List<string> failures)
    {
        if (!TableName().IsMatch(table ?? string.Empty))
        {
            failures.Add($"{Setting(property)}: '{table}' is not a table name (3–63 letters and digits, starting with a letter).");
        }
    }

    private static string Setting(string property) => NotificationsOptions.SectionName + ":" + property;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex QueueName();
}
