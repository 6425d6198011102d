using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Presale.Functions.Host.Standalone;

namespace Presale.Functions.Tests.Support;

/// <summary>
/// An <see cref="IFunctionInvoker"/> that records each trigger input as JSON (<c>timer</c>: the TimerInfo,
/// <c>message</c>, <c>dequeueCount</c>, and <c>invokedAt</c> on <paramref name="time"/>) and answers as told: a status other than 200 is a failed invocation.
/// </summary>
internal sealed class RecordingInvoker(Func<string, JsonNode, int, Task<int>>? respond = null, TimeProvider? time = null) : IFunctionInvoker
{
    private readonly Channel<(string Function, JsonNode Payload)> _calls = Channel.CreateUnbounded<(string, JsonNode)>();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public async Task<InvocationOutcome> InvokeAsync(string functionName, TriggerInput input, CancellationToken cancellationToken)
    {
        var json = new JsonObject
        {
            ["timer"] = input.Timer is null ? null : JsonSerializer.SerializeToNode(input.Timer, JsonSerializerOptions.Default),
            ["message"] = input.Message,
            ["dequeueCount"] = input.DequeueCount,
            ["invokedAt"] = time?.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        var number = Interlocked.Increment(ref _count);
        _calls.Writer.TryWrite((functionName, json));
        var status = respond is null ? 200 : await respond(functionName, json, number);
        return new InvocationOutcome($"inv-{number}", status == 200 ? null : new InvalidOperationException($"failed with {status}"));
    }

    public async Task<(string Function, JsonNode Payload)> NextAsync() =>
        await _calls.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasPending => _calls.Reader.TryPeek(out _);
}
