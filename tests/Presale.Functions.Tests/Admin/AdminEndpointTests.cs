using System.Net;
using System.Text;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Admin;

public sealed class AdminEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PresaleApp CreateApp(RecordingFunction function, params (string Name, string Json)[] definitions) =>
        new PresaleApp(TestDefinitions.WithExtra(definitions)).WithServices(function.Register);

    private static async Task<HttpResponseMessage> RunAsync(PresaleApp app, string name, string body, string? key = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/admin/functions/{name}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Run_TimerFunction_Answers202AndInvokesItWithTheTimerPayload()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = CreateApp(function, ("Sweep", TestDefinitions.Timer("0 0 3 * * *")));

        var response = await RunAsync(app, "sweep", """{"input": ""}""");
        var invocation = await function.NextAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}""", invocation.ReadText("timer"));
        Assert.Equal("Sweep", System.Text.Json.JsonDocument.Parse(invocation.MetadataText("sys")!).RootElement.GetProperty("MethodName").GetString());
    }

    [Fact]
    public async Task Run_QueueFunction_DeliversInputAsTheMessageBody()
    {
        var function = new RecordingFunction("Reconcile");
        await using var app = CreateApp(function, ("Reconcile", TestDefinitions.Queue("reconcile")));

        var response = await RunAsync(app, "Reconcile", """{"input": "{\"orderId\":42}"}""");
        var invocation = await function.NextAsync();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"orderId":42}""", invocation.ReadText("msg"));
        Assert.Equal(1, invocation.MetadataInt64("DeliveryCount"));
        Assert.False(string.IsNullOrEmpty(invocation.MetadataText("MessageId")));
    }

    [Fact]
    public async Task Run_BodyWithAnUnknownMember_IsRefusedLikeEveryJsonBody_AndRunsNothing()
    {
        var function = new RecordingFunction("Reconcile");
        await using var app = CreateApp(function, ("Reconcile", TestDefinitions.Queue("reconcile")));

        var response = await RunAsync(app, "Reconcile", """{"inptu": "{\"orderId\":42}"}""");
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("urn:presale:problem:validation", problem["type"]!.GetValue<string>());
        Assert.StartsWith("Unknown member", problem["errors"]!["inptu"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(function.HasPending);
    }

    [Fact]
    public async Task Run_UnknownOrHttpFunction_IsRefused()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = CreateApp(function);

        var unknown = await RunAsync(app, "Nope", "{}");
        var http = await RunAsync(app, "Health", "{}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
    }

    [Fact]
    public async Task Run_FromRemoteCaller_NeedsTheAdminKey()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = CreateApp(function, ("Sweep", TestDefinitions.Timer("0 0 3 * * *"))).With("Presale:Host:AdminKey", "admin-key-0123456789");
        app.RemoteAddress = IPAddress.Parse("198.51.100.20");

        var denied = await RunAsync(app, "Sweep", "{}");
        Assert.False(function.HasPending);
        var allowed = await RunAsync(app, "Sweep", "{}", key: "admin-key-0123456789");
        await function.NextAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
    }

    [Fact]
    public async Task Run_FromRemoteCallerWithoutConfiguredAdminKey_IsRefused()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = CreateApp(function, ("Sweep", TestDefinitions.Timer("0 0 3 * * *")));
        app.RemoteAddress = IPAddress.Parse("198.51.100.20");

        var denied = await RunAsync(app, "Sweep", "{}", key: "anything-at-all-0123");

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
    }
}
