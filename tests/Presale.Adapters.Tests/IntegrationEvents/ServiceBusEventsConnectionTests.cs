using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Presale.Adapters.IntegrationEvents;
using Presale.Adapters.Storage;
using Presale.Application.IntegrationEvents;

namespace Presale.Adapters.Tests.IntegrationEvents;

public sealed class ServiceBusEventsConnectionTests
{
    private const string ConnectionString = "Endpoint=sb://sb-local.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5";

    private static Func<string, string?> Settings(params (string Key, string Value)[] values)
    {
        var settings = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        return key => settings.GetValueOrDefault(key);
    }

    [Fact]
    public async Task ConnectionString_BuildsTheClientFromIt_WithoutACredential()
    {
        var connection = ServiceBusEventsConnection.Resolve(new IntegrationEventsOptions(), Settings(("ServiceBusConnection", ConnectionString)));
        var credentials = 0;

        await using var client = connection.CreateClient((_, _) => { credentials++; return new RecordingCredential(); });

        Assert.True(connection.UsesConnectionString);
        Assert.Equal("sb-local.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.Equal(0, credentials);
    }

    [Fact]
    public async Task FullyQualifiedNamespace_BuildsTheClientWithTheConnectionsCredential()
    {
        var connection = ServiceBusEventsConnection.Resolve(
            new IntegrationEventsOptions { Connection = "Bus" },
            Settings(("Bus:fullyQualifiedNamespace", "sb-presale.servicebus.windows.net"), ("Bus:credential", "managedidentity")));
        string? named = null;

        await using var client = connection.CreateClient((name, _) => { named = name; return new RecordingCredential(); });

        Assert.False(connection.UsesConnectionString);
        Assert.Equal("sb-presale.servicebus.windows.net", client.FullyQualifiedNamespace);
        Assert.Equal("Bus", named);
    }

    [Theory]
    [InlineData("managedidentity", null, typeof(ManagedIdentityCredential))]
    [InlineData("managedidentity", "00000000-0000-0000-0000-000000000001", typeof(ManagedIdentityCredential))]
    [InlineData(null, null, typeof(DefaultAzureCredential))]
    public void TheDefaultCredential_IsManagedIdentityWhenTheSettingsSaySo(string? kind, string? clientId, Type expected)
    {
        var values = new List<(string, string)> { ("ServiceBusConnection:fullyQualifiedNamespace", "sb-presale.servicebus.windows.net") };
        if (kind is not null)
        {
            values.Add(("ServiceBusConnection:credential", kind));
        }

        if (clientId is not null)
        {
            values.Add(("ServiceBusConnection:clientId", clientId));
        }

        Assert.IsType(expected, ConnectionResolver.CreateCredential("ServiceBusConnection", Settings([.. values])));
    }

    [Fact]
    public void BothForms_TheConnectionStringWins()
    {
        var connection = ServiceBusEventsConnection.Resolve(
            new IntegrationEventsOptions(),
            Settings(("ServiceBusConnection", ConnectionString), ("ServiceBusConnection:fullyQualifiedNamespace", "sb-presale.servicebus.windows.net")));

        Assert.True(connection.UsesConnectionString);
        Assert.Equal("sb-local.servicebus.windows.net", connection.FullyQualifiedNamespace);
    }

    [Fact]
    public void NeitherForm_FailsNamingBothSettings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusEventsConnection.Resolve(new IntegrationEventsOptions(), Settings()));

        Assert.Contains("'ServiceBusConnection'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceBusConnection__fullyQualifiedNamespace", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ServiceBusConnection", "Endpoint=sb://x.servicebus.windows.net/", "'ServiceBusConnection'")]
    [InlineData("ServiceBusConnection", "not a connection string", "'ServiceBusConnection'")]
    [InlineData("ServiceBusConnection:fullyQualifiedNamespace", "https://x servicebus", "ServiceBusConnection__fullyQualifiedNamespace")]
    public void MalformedSetting_FailsNamingIt(string key, string value, string named)
    {
        var error = Assert.Throws<FormatException>(() => ServiceBusEventsConnection.Resolve(new IntegrationEventsOptions(), Settings((key, value))));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCredentialKind_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServiceBusEventsConnection.Resolve(
            new IntegrationEventsOptions(),
            Settings(("ServiceBusConnection:fullyQualifiedNamespace", "sb-presale.servicebus.windows.net"), ("ServiceBusConnection:credential", "password"))));

        Assert.Contains("ServiceBusConnection__credential", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientOptions_CarryTheRetryPolicyAndTransportOfTheOptions()
    {
        var options = ServiceBusEventsConnection.ClientOptions(new IntegrationEventsOptions
        {
            UseWebSockets = true,
            MaxRetries = 3,
            RetryDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(8),
            TryTimeout = TimeSpan.FromSeconds(4),
        });

        Assert.Equal(ServiceBusTransportType.AmqpWebSockets, options.TransportType);
        Assert.Equal(
            (ServiceBusRetryMode.Exponential, 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(4)),
            (options.RetryOptions.Mode, options.RetryOptions.MaxRetries, options.RetryOptions.Delay, options.RetryOptions.MaxDelay, options.RetryOptions.TryTimeout));
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token is requested while the client is only built.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No token is requested while the client is only built.");
    }
}
