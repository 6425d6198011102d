using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Presale.Testing;

namespace Presale.Functions.Tests.Deployment;

/// <summary>
/// The real handler process, unzipped from the deployable package and started as the Functions host starts a custom
/// handler (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set, the settings infra-bicep writes, storage on Azurite): it answers
/// the readiness probe on 127.0.0.1, reports healthy, runs a timer function invoked with the host's payload, and
/// leaves firing timers and delivering queue messages to the host.
/// </summary>
[Collection(PublishedPackageCollection.Name)]
public sealed class CustomHandlerProcessTests(PublishedPackageFixture package, AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // The timer payload the Functions host sends (docs: custom handlers, timer trigger).
    private const string TimerInvocation = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-03-02T09:00:00Z","Next":"2026-03-02T09:01:00Z","LastUpdated":"2026-03-02T09:00:00.12Z"},"IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"OutboxSweeper","UtcNow":"2026-03-02T09:01:00.01Z","RandGuid":"7d6a1ba2-53f4-4e53-9a9f-3e7f0d5a4c11"}}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handler_StartedAsTheFunctionsHostStartsIt_AnswersTheProbeHealthAndATimerInvocation()
    {
        await using var handler = StartHandler();
        await handler.WaitUntilReadyAsync(Ct);

        using var health = await handler.Client.GetAsync(new Uri("/api/health", UriKind.Relative), Ct);
        var healthBody = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Ct)).RootElement;
        var checks = healthBody.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/OutboxSweeper", UriKind.Relative))
        {
            Content = new StringContent(TimerInvocation, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", "11111111-2222-3333-4444-555555555555");
        using var invocation = await handler.Client.SendAsync(request, Ct);
        var invocationText = await invocation.Content.ReadAsStringAsync(Ct);

        Assert.True(health.StatusCode == HttpStatusCode.OK, $"{health.StatusCode}: {healthBody}{Environment.NewLine}{handler.Output}");
        Assert.Equal("healthy", checks["table"].GetProperty("status").GetString());
        Assert.Equal("functions-host", checks["functions"].GetProperty("data").GetProperty("mode").GetString());
        Assert.Equal("healthy", checks["queue"].GetProperty("status").GetString()); // storage queues carry the queue functions' messages under the host too

        Assert.True(invocation.StatusCode == HttpStatusCode.OK, $"{invocation.StatusCode}: {invocationText}{Environment.NewLine}{handler.Output}");
        var answer = JsonDocument.Parse(invocationText).RootElement;
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, answer.GetProperty("Outputs").ValueKind);
        Assert.Contains(answer.GetProperty("Logs").EnumerateArray(), line => line.GetString()!.Contains("Outbox sweep published 0 messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handler_ListensOnLoopbackOnly()
    {
        await using var handler = StartHandler();
        await handler.WaitUntilReadyAsync(Ct);

        var others = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
        Assert.SkipWhen(others.Count == 0, "This machine has no non-loopback IPv4 address to try.");

        foreach (var address in others)
        {
            using var client = new TcpClient();
            var error = await Record.ExceptionAsync(() => client.ConnectAsync(address, handler.Port, Ct).AsTask());
            Assert.True(error is SocketException, $"The handler accepted a connection on {address}:{handler.Port}; it must bind 127.0.0.1 only.");
        }
    }

    [Fact]
    public async Task Handler_UnderTheFunctionsHost_FiresNoTimerAndDeliversNoQueueItself()
    {
        await using var handler = StartHandler();
        await handler.WaitUntilReadyAsync(Ct);
        await handler.WaitForOutputAsync("Application started", Ct);

        // One invocation of our own, as a marker: log lines are written in order, so once its "Executed" line is out,
        // anything the standalone runners would have logged at start is out too.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/OutboxSweeper", UriKind.Relative))
        {
            Content = new StringContent(TimerInvocation, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", "marker-invocation");
        using var response = await handler.Client.SendAsync(request, Ct);
        await handler.WaitForOutputAsync("Executed OutboxSweeper (invocation marker-invocation)", Ct);

        var output = handler.Output;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Standalone timer trigger", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Standalone queue delivery", output, StringComparison.Ordinal);
        var executions = output.Split('\n').Where(line => line.Contains("Executing ", StringComparison.Ordinal)).ToList();
        Assert.True(
            executions.Count == 1 && executions[0].Contains("marker-invocation", StringComparison.Ordinal),
            "Only the host (here: the test) may invoke functions:" + Environment.NewLine + output);
    }

    private HandlerProcess StartHandler()
    {
        var executable = Path.Combine(package.DeployedFolder, HandlerPath());

        // The settings infra-bicep writes that the app requires under the Functions host, with Azurite for storage and
        // an orders table of its own, so the outbox sweep sees no other test's rows (and sends nothing to Service Bus).
        return HandlerProcess.Start(executable, new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "presale-test.servicebus.windows.net",
            ["Presale__Suppliers__SecretEncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Presale__Compensation__ConsentLinkKey"] = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
            ["Presale__Compensation__PublicBaseUrl"] = "https://presale-test.azurewebsites.net",
            ["Presale__Orders__OrdersTable"] = "pkgorders" + Guid.NewGuid().ToString("N")[..12],
        });
    }

    private string HandlerPath()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.DeployedFolder, "host.json")));
        return host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString()
            ?? throw new InvalidOperationException("host.json has no defaultExecutablePath.");
    }
}
