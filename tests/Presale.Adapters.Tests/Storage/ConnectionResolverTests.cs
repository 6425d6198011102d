using Azure.Core;
using Presale.Adapters.Storage;

namespace Presale.Adapters.Tests.Storage;

public sealed class ConnectionResolverTests
{
    private static Func<string, string?> Settings(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => string.Equals(v.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("t", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public void UseDevelopmentStorage_IsAzuriteOnItsDefaultPorts()
    {
        var account = ConnectionResolver.ResolveStorage("Storage", Settings(("Storage", "UseDevelopmentStorage=true")));

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.True(account.UsesConnectionString);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
    }

    [Fact]
    public void AccountConnectionString_BuildsEndpointsFromNameAndSuffix()
    {
        var account = ConnectionResolver.ResolveStorage("S", Settings(("S", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn")));

        Assert.Equal(new Uri("https://acct.table.core.chinacloudapi.cn"), account.TableEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.chinacloudapi.cn"), account.QueueEndpoint);
    }

    [Fact]
    public void SasConnectionString_KeepsTheEndpointsWithoutTheSignature()
    {
        var account = ConnectionResolver.ResolveStorage("S", Settings(("S", "TableEndpoint=https://acct.table.core.windows.net/;QueueEndpoint=https://acct.queue.core.windows.net/;SharedAccessSignature=sv=2024-08-04&ss=tq&sig=abc")));

        Assert.True(account.UsesConnectionString);
        Assert.Equal("acct", account.AccountName);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), account.TableEndpoint);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net"), account.QueueEndpoint);
    }

    [Fact]
    public void ServiceUris_WithoutAccountName_TakeTheNameFromTheHost()
    {
        var credential = new FakeCredential();
        var account = ConnectionResolver.ResolveStorage(
            "S", Settings(("S:tableServiceUri", "https://acct.table.core.windows.net/"), ("S:queueServiceUri", "https://acct.queue.core.windows.net/")), _ => credential);

        Assert.Equal("acct", account.AccountName);
        Assert.Same(credential, account.Credential);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), account.TableEndpoint);
    }

    [Fact]
    public void MalformedConnectionString_NamesTheSetting()
    {
        var error = Assert.Throws<FormatException>(() => ConnectionResolver.ResolveStorage("Data", Settings(("Data", "AccountName=x"))));

        Assert.Contains("'Data'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid storage connection string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceBus_FullyQualifiedNamespace_UsesTheCredential()
    {
        var credential = new FakeCredential();
        var serviceBus = ConnectionResolver.ResolveServiceBus("ServiceBusConnection", Settings(("ServiceBusConnection:fullyQualifiedNamespace", "presale.servicebus.windows.net")), _ => credential);

        Assert.Equal(new Uri("https://presale.servicebus.windows.net/"), serviceBus.Endpoint);
        Assert.Same(credential, serviceBus.Credential);
        Assert.Null(serviceBus.KeyName);
    }
}
