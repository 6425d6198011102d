using Microsoft.Extensions.Options;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Hosting;

public sealed class HostOptionsTests
{
    [Theory]
    [InlineData("Presale:Host:AdminKey", "short", "Presale:Host:AdminKey must be at least 16 characters")]
    [InlineData("Presale:Host:FunctionKey", "short", "Presale:Host:FunctionKey must be at least 16 characters")]
    [InlineData("Presale:Host:ScheduleTimeZone", "Mars/Olympus_Mons", "Presale:Host:ScheduleTimeZone: unknown time zone")]
    [InlineData("Presale:QueuePump:MaxDeliveryCount", "0", "Presale:QueuePump:MaxDeliveryCount must be at least 1")]
    [InlineData("Presale:QueuePump:BatchSize", "33", "Presale:QueuePump:BatchSize must be from 1 to 32")]
    [InlineData("Presale:QueuePump:LockDuration", "00:00:00.5", "Presale:QueuePump:LockDuration must be between")]
    public async Task App_WithInvalidSetting_FailsToStartNamingIt(string key, string value, string expected)
    {
        var exception = Assert.IsType<OptionsValidationException>(await StartupProbe.StartAsync((key, value)));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithMissingMetadataFile_FailsToStartNamingTheSetting()
    {
        var missing = Path.Combine(Path.GetTempPath(), "presale-missing-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.IsType<OptionsValidationException>(await StartupProbe.StartAsync(("Presale:Host:MetadataPath", missing)));

        Assert.Contains("Presale:Host:MetadataPath", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithMalformedFunctionMetadata_FailsToStartNamingTheFunction()
    {
        var folder = TestDefinitions.WithExtra(TestDefinitions.TimerEntry("Broken", "0 0 25 * * *", "Presale.Nowhere.Broken.RunAsync"));
        var exception = Assert.IsType<InvalidOperationException>(await StartupProbe.StartAsync(("Presale:Host:MetadataPath", folder)));

        Assert.Contains("Broken: schedule:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("hour field '25'", exception.Message, StringComparison.Ordinal);
    }
}
