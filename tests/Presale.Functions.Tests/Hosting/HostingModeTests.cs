using Microsoft.Extensions.Configuration;
using Presale.Functions.Host;

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
    public void Resolve_WithTheHostsEndpoint_IsFunctionsHost()
    {
        Assert.True(Resolve(("Functions:Worker:HostEndpoint", "http://127.0.0.1:41234/")).IsFunctionsHost);
        Assert.True(Resolve(("functions-uri", "http://127.0.0.1:41234/")).IsFunctionsHost);
        Assert.True(Resolve(("Presale:Host:Mode", "FunctionsHost")).IsFunctionsHost);
        Assert.False(Resolve().IsFunctionsHost);
    }

    [Fact]
    public void Resolve_ExplicitStandaloneMode_WinsOverThePort()
    {
        Assert.True(Resolve(("Functions:Worker:HostEndpoint", "http://127.0.0.1:41234/"), ("Presale:Host:Mode", "Standalone")).IsStandalone);
    }

    [Fact]
    public void Resolve_HostSignals_SurviveAForcedStandaloneMode()
    {
        Assert.False(Resolve().HostSignalled);
        Assert.True(Resolve(("Functions:Worker:HostEndpoint", "http://127.0.0.1:41234/"), ("Presale:Host:Mode", "Standalone")).HostSignalled);
        Assert.True(Resolve(("WEBSITE_INSTANCE_ID", "0123abcd"), ("Presale:Host:Mode", "Standalone")).HostSignalled);
        Assert.True(Resolve(("WEBSITE_INSTANCE_ID", "0123abcd")).IsStandalone);
    }

    [Theory]
    [InlineData("Presale:Host:Url", "not a url", "Presale:Host:Url must be an absolute http(s) URL")]
    public void Resolve_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Resolve((key, value)));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
