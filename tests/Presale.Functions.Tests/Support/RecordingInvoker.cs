using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Presale.Functions.Standalone;

namespace Presale.Functions.Tests.Support;

/// <summary>An <see cref="IFunctionInvoker"/> that records payloads (as the JSON the host would send) and answers as told.</summary>
internal sealed class RecordingInvoker(Func<string, JsonNode, int, Task<int>>? respond = null) : IFunctionInvoker
{
    private readonly Channel<(string Function, JsonNode Payload)> _calls = Channel.CreateUnbounded<(string, JsonNode)>();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public async Task<InvocationOutcome> InvokeAsync(string functionName, TriggerPayload payload, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(payload, JsonSerializerOptions.Web))!;
        var number = Interlocked.Increment(ref _count);
        _calls.Writer.TryWrite((functionName, json));
        var status = respond is null ? 200 : await respond(functionName, json, number);
        return new InvocationOutcome($"inv-{number}", status, status == 200 ? """{"Outputs":{},"Logs":[],"ReturnValue":null}""" : """{"title":"failed"}""");
    }

    public async Task<(string Function, JsonNode Payload)> NextAsync() =>
        await _calls.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool HasPending => _calls.Reader.TryPeek(out _);
}
