using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Presale.Functions.Host.Http;

/// <summary>
/// Checks the member names of a JSON body against the contract of the request type (the serializer's own
/// <see cref="JsonTypeInfo"/>, so it knows exactly the members deserialisation binds): every member that is unknown
/// (a case variant of a known one included), given twice, or <c>null</c> where the type cannot hold null, each keyed by
/// its JSON path in the API's field notation (<c>lines[0].shipingCharge</c>). The strict request options refuse such
/// bodies on their own, but stop at the first member with a message naming .NET types; this pass names every offending
/// member at once, in the API's words. It also refuses a member the type only writes (a get-only property), which the
/// serializer would skip without a word.
/// </summary>
internal static class JsonBodyMembers
{
    /// <summary>The problems with member names, by field; empty when there are none. Malformed JSON throws <see cref="JsonException"/>.</summary>
    public static Dictionary<string, string[]> Check(ReadOnlySpan<byte> body, JsonTypeInfo contract)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions
        {
            AllowTrailingCommas = contract.Options.AllowTrailingCommas,
            CommentHandling = contract.Options.ReadCommentHandling,
            MaxDepth = contract.Options.MaxDepth,
        });
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        reader.Read();
        Value(ref reader, contract, string.Empty, errors);
        while (reader.Read())
        {
            // Reading to the end makes the reader throw for anything after the value (it is not JSON).
        }

        return errors;
    }

    /// <summary>The JSON path of member <paramref name="name"/> under <paramref name="parent"/> (<c>lines[0]</c> + <c>sku</c> → <c>lines[0].sku</c>).</summary>
    private static string Member(string parent, string name)
    {
        if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }

        return $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>Checks the value the reader is on (whose contract is <paramref name="contract"/>, null when unknown) and leaves the reader on its last token.</summary>
    private static void Value(ref Utf8JsonReader reader, JsonTypeInfo? contract, string path, Dictionary<string, string[]> errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when contract?.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary:
                Members(ref reader, contract, path, errors);
                break;
            case JsonTokenType.StartArray when contract?.Kind is JsonTypeInfoKind.Enumerable:
                var element = contract.Options.GetTypeInfo(contract.ElementType!);
                for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                {
                    Value(ref reader, element, $"{path}[{index}]", errors);
                }

                break;
            default:
                // A scalar, or a shape the contract does not expect: deserialisation names a wrong type.
                reader.Skip();
                break;
        }
    }

    private static void Members(ref Utf8JsonReader reader, JsonTypeInfo contract, string path, Dictionary<string, string[]> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = contract.Kind == JsonTypeInfoKind.Dictionary ? contract.Options.GetTypeInfo(contract.ElementType!) : null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var member = Member(path, name);
            reader.Read();
            var property = values is null ? Settable(contract).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal)) : null;
            if (values is null && property is null)
            {
                errors.TryAdd(member, [Unknown(contract, name)]);
            }
            else if (!seen.Add(name))
            {
                errors.TryAdd(member, ["This member is given more than once: give it once."]);
            }
            else if (reader.TokenType == JsonTokenType.Null && property is { IsSetNullable: false })
            {
                errors.TryAdd(member, ["This member cannot be null: give a value, or leave it out if it is optional."]);
            }

            Value(ref reader, values ?? (property is null ? null : contract.Options.GetTypeInfo(property.PropertyType)), member, errors);
        }
    }

    // A member only written in answers (a get-only property) would be skipped on reading: for a request it is unknown.
    private static IEnumerable<JsonPropertyInfo> Settable(JsonTypeInfo contract) =>
        contract.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null);

    private static string Unknown(JsonTypeInfo contract, string name)
    {
        var names = Settable(contract).Select(p => p.Name).ToList();
        if (names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } spelled)
        {
            return $"Unknown member: names are case-sensitive; did you mean '{spelled}'?";
        }

        return names.Count == 0
            ? "Unknown member: this object has no members."
            : $"Unknown member: the members here are {string.Join(", ", names)}.";
    }
}
