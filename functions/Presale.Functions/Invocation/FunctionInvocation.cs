using System.Globalization;
using System.Text.Json;

namespace Presale.Functions.Invocation;

/// <summary>
/// One invocation request as the Functions host sends it to a custom handler: <c>{"Data": {...}, "Metadata": {...}}</c>.
/// Trigger values are decoded defensively: the host serialises string payloads with JsonConvert, so a string message
/// may arrive double-encoded (a JSON string whose content is JSON), and objects may arrive as objects.
/// </summary>
public sealed record FunctionInvocation(
    string FunctionName,
    string InvocationId,
    IReadOnlyDictionary<string, JsonElement> Data,
    IReadOnlyDictionary<string, JsonElement> Metadata)
{
    private readonly Dictionary<string, JsonElement> _outputs = new(StringComparer.Ordinal);

    /// <summary>Values set for output bindings, answered in <see cref="InvocationResponse.Outputs"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Outputs => _outputs;

    /// <summary>The <c>$return</c> value, answered in <see cref="InvocationResponse.ReturnValue"/>; null when unset.</summary>
    public JsonElement? ReturnValue { get; private set; }

    /// <summary>
    /// Sets output binding <paramref name="bindingName"/> to <paramref name="value"/> serialised as JSON. Send objects,
    /// not strings: the host base64-decodes string outputs that happen to be valid base64.
    /// </summary>
    public void SetOutput(string bindingName, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bindingName);
        _outputs[bindingName] = JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);
    }

    /// <summary>Sets the <c>$return</c> value.</summary>
    public void SetReturnValue(object? value) => ReturnValue = JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);

    /// <summary>
    /// The trigger value of <paramref name="bindingName"/> as JSON text: an object or array as is, a string decoded
    /// until it is no longer a JSON string literal. Null when the binding is absent or null.
    /// </summary>
    public string? ReadText(string bindingName)
    {
        if (!Data.TryGetValue(bindingName, out var value))
        {
            return null;
        }

        return Unwrap(value);
    }

    /// <summary>The trigger value of <paramref name="bindingName"/> deserialised as <typeparamref name="T"/>.</summary>
    public T? Read<T>(string bindingName, JsonSerializerOptions? options = null)
    {
        var text = ReadText(bindingName);
        return text is null ? default : JsonSerializer.Deserialize<T>(text, options ?? JsonSerializerOptions.Web);
    }

    /// <summary>A metadata value as a string (strings decoded as in <see cref="ReadText"/>), or null.</summary>
    public string? MetadataText(string name) =>
        Metadata.TryGetValue(name, out var value) ? Unwrap(value) : null;

    /// <summary>A metadata value as an integer (it may arrive as a number or a string), or null.</summary>
    public long? MetadataInt64(string name) => MetadataText(name) is { } text
        && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Unwrap(JsonElement value)
    {
        var current = value;
        while (true)
        {
            switch (current.ValueKind)
            {
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    return null;
                case JsonValueKind.String:
                    var text = current.GetString()!;
                    var trimmed = text.TrimStart();
                    if (trimmed.StartsWith('"') && TryParse(trimmed, out var inner))
                    {
                        current = inner;
                        continue;
                    }

                    return text;
                default:
                    return current.GetRawText();
            }
        }
    }

    private static bool TryParse(string text, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            // Not JSON after all: the string is the value itself.
            element = default;
            return false;
        }
    }
}
