using Microsoft.Extensions.Configuration;
using Presale.Functions.Hosting;

namespace Presale.Functions.Tests.Hosting;

public sealed class HostingModeTests
{
    private static HostingMode Resolve(params (string Key, string Value)[] settings) =>
        HostingMode.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    [Fact]
    public void Resolve_WithoutCustomHandlerPort_IsStandaloneOnTheConfiguredUrl()
    {
        Assert.True(Resolve().IsStandalone);
        Assert.Equal("http://127.0.0.1:7071", Resolve().ListenUrl);
        Assert.Equal("http://0.0.0.0:8080", Resolve(("Presale:Host:Url", "http://0.0.0.0:8080")).ListenUrl);
    }

    [Fact]
    public void Resolve_WithCustomHandlerPort_IsFunctionsHostOnLoopbackPort()
    {
        var mode = Resolve(("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"), ("Presale:Host:Url", "http://0.0.0.0:8080"));

        Assert.True(mode.IsFunctionsHost);
        Assert.Equal(40123, mode.CustomHandlerPort);
        Assert.Equal("http://127.0.0.1:40123", mode.ListenUrl);
    }

    [Fact]
    public void Resolve_ExplicitStandaloneMode_WinsOverThePort()
    {
        Assert.True(Resolve(("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"), ("Presale:Host:Mode", "Standalone")).IsStandalone);
    }

    [Fact]
    public void Resolve_HostSignals_SurviveAForcedStandaloneMode()
    {
        Assert.False(Resolve().HostSignalled);
        Assert.True(Resolve(("FUNCTIONS_CUSTOMHANDLER_PORT", "40123"), ("Presale:Host:Mode", "Standalone")).HostSignalled);
        Assert.True(Resolve(("WEBSITE_INSTANCE_ID", "0123abcd"), ("Presale:Host:Mode", "Standalone")).HostSignalled);
        Assert.True(Resolve(("WEBSITE_INSTANCE_ID", "0123abcd")).IsStandalone);
    }

    [Theory]
    [InlineData("FUNCTIONS_CUSTOMHANDLER_PORT", "seventy", "FUNCTIONS_CUSTOMHANDLER_PORT must be a TCP port")]
    [InlineData("FUNCTIONS_CUSTOMHANDLER_PORT", "70000", "FUNCTIONS_CUSTOMHANDLER_PORT must be a TCP port")]
    [InlineData("Presale:Host:Url", "not a url", "Presale:Host:Url must be an absolute http(s) URL")]
    [InlineData("Presale:Host:Mode", "FunctionsHost", "Presale:Host:Mode is FunctionsHost but FUNCTIONS_CUSTOMHANDLER_PORT is not set")]
    public void Resolve_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Resolve((key, value)));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
