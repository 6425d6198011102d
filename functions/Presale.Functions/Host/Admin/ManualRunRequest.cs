using System.Text.Json;

namespace Presale.Functions.Host.Admin;

/// <summary>The body of <c>POST /admin/functions/{name}</c>, as the Functions host's admin API takes it: <c>{"input": …}</c>.</summary>
/// <param name="Input">The message body for a queue function: a JSON string as its text, any other JSON value as written; a timer ignores it.</param>
internal sealed record ManualRunRequest(JsonElement? Input)
{
    /// <summary>The message body <see cref="Input"/> stands for, or null when there is none.</summary>
    public string? Text => Input is not { } input ? null
        : input.ValueKind == JsonValueKind.String ? input.GetString()
        : input.GetRawText();
}
