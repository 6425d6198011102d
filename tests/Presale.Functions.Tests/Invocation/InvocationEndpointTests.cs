using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Presale.Functions.Invocation;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Invocation;

public sealed class InvocationEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(PresaleApp app, string path, string json, string? invocationId = null, string? key = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (invocationId is not null)
        {
            request.Headers.Add("X-Azure-Functions-InvocationId", invocationId);
        }

        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static PresaleApp AppWith(RecordingFunction function) => new PresaleApp().WithServices(function.Register);

    [Fact]
    public async Task Invoke_TimerPayloadWithScheduleStatus_DecodesTimerInfo()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = AppWith(function);

        var (response, body) = await PostAsync(app, "/Sweep", """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-03-02T09:00:00Z","Next":"2026-03-02T09:05:00Z","LastUpdated":"2026-03-02T09:00:00.12Z"},"IsPastDue":true}},
             "Metadata":{"sys":{"MethodName":"Sweep","UtcNow":"2026-03-02T09:05:00.01Z","RandGuid":"7d6a1ba2-53f4-4e53-9a9f-3e7f0d5a4c11"}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timer = (await function.NextAsync()).Read<TimerInfo>("timer")!;
        Assert.True(timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 5, 0, TimeSpan.Zero), timer.ScheduleStatus!.Next);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task Invoke_TimerPayloadWithNullScheduleStatus_DecodesTimerInfo()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = AppWith(function);

        var (response, _) = await PostAsync(app, "/Sweep", """{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var timer = (await function.NextAsync()).Read<TimerInfo>("timer")!;
        Assert.False(timer.IsPastDue);
        Assert.Null(timer.ScheduleStatus);
    }

    [Fact]
    public async Task Invoke_ServiceBusPayload_ExposesMessageAndMetadata()
    {
        var function = new RecordingFunction("Reconcile");
        await using var app = AppWith(function);

        var (response, _) = await PostAsync(app, "/Reconcile", """
            {"Data":{"msg":"{\"orderId\":42}"},
             "Metadata":{"MessageId":"m-1","DeliveryCount":3,"EnqueuedTimeUtc":"2026-03-02T09:00:00Z","ExpiresAtUtc":"2026-03-16T09:00:00Z",
                         "CorrelationId":"c-9","Subject":"order-placed","Label":"order-placed","ContentType":"application/json",
                         "ApplicationProperties":{"tenant":"shop-1"},"UserProperties":{"tenant":"shop-1"},"LockToken":"0d3e4f5a-0000-4000-8000-000000000001",
                         "sys":{"MethodName":"Reconcile","UtcNow":"2026-03-02T09:00:01Z","RandGuid":"9e1f4c2a-1111-4222-8333-444455556666"}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = await function.NextAsync();
        Assert.Equal(42, invocation.Read<OrderMessage>("msg")!.OrderId);
        Assert.Equal("m-1", invocation.MetadataText("MessageId"));
        Assert.Equal(3, invocation.MetadataInt64("DeliveryCount"));
        Assert.Equal("c-9", invocation.MetadataText("CorrelationId"));
        Assert.Equal("order-placed", invocation.MetadataText("Subject"));
        Assert.Equal("""{"tenant":"shop-1"}""", invocation.MetadataText("ApplicationProperties"));
        Assert.Equal("Reconcile", JsonDocument.Parse(invocation.MetadataText("sys")!).RootElement.GetProperty("MethodName").GetString());
    }

    [Theory]
    [InlineData("""{"orderId":42}""")]
    [InlineData("""  "{\"orderId\":42}" """)]
    [InlineData("""  "\"{\\\"orderId\\\":42}\"" """)]
    public async Task Invoke_MessageAsObjectStringOrDoubleEncodedString_DecodesTheSameMessage(string encoded)
    {
        var function = new RecordingFunction("Reconcile");
        await using var app = AppWith(function);

        var (response, _) = await PostAsync(app, "/Reconcile", "{\"Data\":{\"msg\":" + encoded + "},\"Metadata\":{\"DeliveryCount\":\"1\"}}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = await function.NextAsync();
        Assert.Equal(42, invocation.Read<OrderMessage>("msg")!.OrderId);
        Assert.Equal("""{"orderId":42}""", invocation.ReadText("msg")!.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Equal(1, invocation.MetadataInt64("DeliveryCount"));
    }

    [Fact]
    public async Task Invoke_PlainStringMessage_IsReadAsIs()
    {
        var function = new RecordingFunction("Reconcile");
        await using var app = AppWith(function);

        await PostAsync(app, "/Reconcile", """{"Data":{"msg":"SKU-123"},"Metadata":{}}""");

        Assert.Equal("SKU-123", (await function.NextAsync()).ReadText("msg"));
    }

    [Fact]
    public async Task Invoke_HttpTriggerPayload_ExposesRequestObject()
    {
        var function = new RecordingFunction("Echo");
        await using var app = AppWith(function);

        await PostAsync(app, "/Echo", """
            {"Data":{"req":{"Url":"http://localhost:7071/api/echo?x=1","Method":"POST","Query":{"x":"1"},"Headers":{"Content-Type":["application/json"]},"Params":{},"Body":"{\"a\":1}"}},
             "Metadata":{"Query":{"x":"1"},"Headers":{"Content-Type":"application/json"},"sys":{"MethodName":"Echo","UtcNow":"2026-03-02T09:00:00Z","RandGuid":"0f0e0d0c-0b0a-4908-8706-050403020100"}}}
            """);

        var request = (await function.NextAsync()).Read<HttpRequestPayload>("req")!;
        Assert.Equal("POST", request.Method);
        Assert.Equal("1", request.Query["x"]);
        Assert.Equal("""{"a":1}""", request.Body);
    }

    [Fact]
    public async Task Invoke_HonoursInvocationIdHeader_AndReturnsOutputsLogsAndReturnValue()
    {
        var function = new RecordingFunction("Sweep", (invocation, _) =>
        {
            invocation.SetOutput("notifications", new { orderId = 42 });
            invocation.SetReturnValue(new { swept = 3 });
            return Task.CompletedTask;
        });
        await using var app = new PresaleApp().WithServices(s =>
        {
            function.Register(s);
            s.AddScoped<Presale.Functions.Invocation.IFunction>(sp => new LoggingFunction(sp.GetRequiredService<ILogger<LoggingFunction>>()));
        });

        var (response, body) = await PostAsync(app, "/Sweep", """{"Data":{},"Metadata":{}}""", invocationId: "inv-123");
        var (_, logged) = await PostAsync(app, "/Logging", """{"Data":{},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("inv-123", (await function.NextAsync()).InvocationId);
        Assert.Equal(42, body.GetProperty("Outputs").GetProperty("notifications").GetProperty("orderId").GetInt32());
        Assert.Equal(3, body.GetProperty("ReturnValue").GetProperty("swept").GetInt32());
        Assert.Contains(logged.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("Swept 7 reservations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_WhenFunctionThrows_Answers500WithJsonBodyAndLogs()
    {
        var function = new RecordingFunction("Sweep", (_, _) => throw new InvalidOperationException("table unavailable"));
        await using var app = AppWith(function);

        var (response, body) = await PostAsync(app, "/Sweep", """{"Data":{},"Metadata":{}}""", invocationId: "inv-9");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("table unavailable", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("inv-9", body.GetProperty("invocationId").GetString());
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Answers404()
    {
        await using var app = new PresaleApp();

        var (response, body) = await PostAsync(app, "/NoSuchFunction", """{"Data":{},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("NoSuchFunction", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MalformedBody_Answers400()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = AppWith(function);

        var (response, _) = await PostAsync(app, "/Sweep", """{"Data": [1, 2""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(function.HasPending);
    }

    [Fact]
    public async Task Invoke_FromRemoteCallerInStandaloneMode_NeedsTheAdminKey()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = AppWith(function).With("Presale:Host:AdminKey", "admin-key-0123456789");
        app.RemoteAddress = IPAddress.Parse("203.0.113.7");

        var (denied, _) = await PostAsync(app, "/Sweep", """{"Data":{},"Metadata":{}}""");
        var (wrongKey, _) = await PostAsync(app, "/Sweep", """{"Data":{},"Metadata":{}}""", key: "not-the-admin-key-xx");
        var (allowed, _) = await PostAsync(app, "/Sweep", """{"Data":{},"Metadata":{}}""", key: "admin-key-0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Invoke_UnderFunctionsHost_NeedsNoKey()
    {
        var function = new RecordingFunction("Sweep");
        await using var app = AppWith(function).UnderFunctionsHost();
        app.RemoteAddress = IPAddress.Parse("203.0.113.7");

        var (response, _) = await PostAsync(app, "/Sweep", """{"Data":{},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed record TimerInfo(bool IsPastDue, TimerScheduleStatus? ScheduleStatus);

    private sealed record TimerScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

    private sealed record OrderMessage(int OrderId);

    private sealed record HttpRequestPayload(string Method, Dictionary<string, string> Query, string Body);

    private sealed partial class LoggingFunction(ILogger<LoggingFunction> logger) : Presale.Functions.Invocation.IFunction
    {
        public string Name => "Logging";

        public Task InvokeAsync(FunctionInvocation invocation, CancellationToken cancellationToken)
        {
            logger.LogInformation("Swept {Count} reservations", 7);
            return Task.CompletedTask;
        }
    }
}
