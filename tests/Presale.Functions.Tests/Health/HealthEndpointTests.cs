using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Health;

public sealed class HealthEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetHealthAsync(string storageConnection)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("AzureWebJobsStorage", storageConnection);
            b.UseSetting("Presale:Storage:MaxRetries", "0");
        });
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static string WithUnreachableQueues(string connection) =>
        Regex.Replace(connection, "QueueEndpoint=[^;]*", "QueueEndpoint=http://127.0.0.1:1/devstoreaccount1");

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Health_WhenStorageIsReachable_ReportsTableAndQueueHealthy()
    {
        var (status, body) = await GetHealthAsync(azurite.ConnectionString);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", Check(body, "table").GetProperty("status").GetString());
        Assert.Equal("healthy", Check(body, "queue").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_UnderFunctionsHost_ChecksTablesAndTheStorageQueuesItsQueueFunctionsRead()
    {
        // In Azure the app holds the Queue data role: its queue functions are triggered from storage queues.
        await using var app = new PresaleApp().UnderFunctionsHost().With("AzureWebJobsStorage", azurite.ConnectionString).With("Presale:Storage:MaxRetries", "0");
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.Equal("healthy", Check(body, "table").GetProperty("status").GetString());
        Assert.Equal("healthy", Check(body, "queue").GetProperty("status").GetString());
        Assert.Equal("functions-host", Check(body, "functions").GetProperty("data").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Health_WithTheStorageQueueTransport_ReportsUnreachableQueues()
    {
        var tablesOnly = WithUnreachableQueues(azurite.ConnectionString);

        var (status, body) = await GetHealthAsync(tablesOnly);

        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status}: {body}");
        Assert.Equal("healthy", Check(body, "table").GetProperty("status").GetString());
        Assert.Equal("unhealthy", Check(body, "queue").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WhenStorageIsUnreachable_Reports503WithEachCheckUnhealthy()
    {
        var (status, body) = await GetHealthAsync(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.DevelopmentAccountKey};TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1");

        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status}: {body}");
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("unhealthy", Check(body, "table").GetProperty("status").GetString());
        Assert.Equal("unhealthy", Check(body, "queue").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_WhenTheAccountKeyIsWrong_ReportsTheRefusal()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = azurite.ConnectionString.Replace(AzuriteFixture.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal);

        var (status, body) = await GetHealthAsync(connection);

        Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status}: {body}");
        Assert.Contains("403", Check(body, "table").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
