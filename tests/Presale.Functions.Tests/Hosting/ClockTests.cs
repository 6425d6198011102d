using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Presale.Functions.Host;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Hosting;

public sealed class ClockTests
{
    [Theory]
    [InlineData("P10D", 10 * 24 * 60)]
    [InlineData("PT6H", 6 * 60)]
    [InlineData("-P1D", -24 * 60)]
    [InlineData("P1DT2H30M", (24 * 60) + 150)]
    [InlineData("10.00:00:00", 10 * 24 * 60)]
    [InlineData("02:30:00", 150)]
    public void ParseOffset_AcceptsIso8601DurationsAndTimeSpans(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), ClockOptions.ParseOffset(text));

    [Theory]
    [InlineData("P10X")]
    [InlineData("ten days")]
    public void ParseOffset_RejectsOtherText(string text) =>
        Assert.Throws<FormatException>(() => ClockOptions.ParseOffset(text));

    [Fact]
    public void OffsetTimeProvider_ShiftsTheReadingButNotTimers()
    {
        var inner = new FakeTimeProvider(TestClock.Start);
        var clock = new OffsetTimeProvider(inner, TimeSpan.FromDays(10));
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);

        Assert.Equal(inner.GetUtcNow().AddDays(10), clock.GetUtcNow());
        inner.Advance(TimeSpan.FromMinutes(1));
        Assert.True(fired);
    }

    [Fact]
    public async Task App_InStandaloneModeWithOffset_ReadsTheShiftedClock()
    {
        await using var app = new PresaleApp().With("Presale:Clock:Offset", "P10D");

        var clock = app.Services.GetRequiredService<TimeProvider>();

        var shift = clock.GetUtcNow() - TimeProvider.System.GetUtcNow();
        Assert.InRange(shift, TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(10) + TimeSpan.FromMinutes(1));
        Assert.IsType<OffsetTimeProvider>(clock);
    }

    [Fact]
    public async Task App_InStandaloneModeWithOffset_Starts()
    {
        Assert.Null(await StartupProbe.StartAsync(("Presale:Clock:Offset", "P10D")));
    }

    [Fact]
    public async Task App_WithoutOffset_UsesTheSystemClock()
    {
        await using var app = new PresaleApp();

        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task App_UnderFunctionsHostWithOffset_FailsToStartNamingTheSetting()
    {
        var exception = Assert.IsType<OptionsValidationException>(await StartupProbe.StartAsync(("Presale:Clock:Offset", "P10D"), ("Functions:Worker:HostEndpoint", "http://127.0.0.1:41234/")));

        Assert.Contains("Presale:Clock:Offset is set", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Functions host", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Functions:Worker:HostEndpoint", "http://127.0.0.1:41234/")]
    [InlineData("WEBSITE_INSTANCE_ID", "0123abcd")]
    public async Task App_ForcedStandaloneWhereAHostIsSignalled_RefusesAnOffset(string variable, string value)
    {
        var exception = Assert.IsType<OptionsValidationException>(
            await StartupProbe.StartAsync(("Presale:Clock:Offset", "P10D"), ("Presale:Host:Mode", "Standalone"), (variable, value)));

        Assert.Contains("Presale:Clock:Offset is set", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithMalformedOffset_FailsToStartNamingTheSetting()
    {
        var exception = Assert.IsType<OptionsValidationException>(await StartupProbe.StartAsync(("Presale:Clock:Offset", "ten days")));

        Assert.Contains("Presale:Clock:Offset", exception.Message, StringComparison.Ordinal);
    }
}
