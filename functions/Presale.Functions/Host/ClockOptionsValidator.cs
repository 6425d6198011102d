using Microsoft.Extensions.Options;

namespace Presale.Functions.Host;

/// <summary>
/// Checks <see cref="ClockOptions"/> at start: a parseable offset, and none where a Functions host or App Service is
/// signalled (<see cref="HostingMode.HostSignalled"/>), even when <c>Presale:Host:Mode</c> forces standalone mode.
/// </summary>
internal sealed class ClockOptionsValidator(HostingMode mode) : IValidateOptions<ClockOptions>
{
    private const string Setting = ClockOptions.SectionName + ":" + nameof(ClockOptions.Offset);

    public ValidateOptionsResult Validate(string? name, ClockOptions options)
    {
        TimeSpan? offset;
        try
        {
            offset = ClockOptions.ParseOffset(options.Offset);
        }
        catch (FormatException exception)
        {
            return ValidateOptionsResult.Fail($"{Setting}: {exception.Message}");
        }

        if (offset is not null && mode.HostSignalled)
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} is set ('{options.Offset}') but the app runs under the Functions host " +
                $"({HostingMode.HostEndpointSetting} or {HostingMode.InstanceIdVariable} is set): a shifted clock is for " +
                "standalone demos and tests only. Remove the setting from the Function App.");
        }

        return ValidateOptionsResult.Success;
    }
}
