using System.Globalization;
using System.Text.Json;
using Presale.Application.Storage;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>
/// Entity JSON in the Table service's OData format. Types JSON cannot carry (Int64, Double, DateTime, Guid, Binary) are
/// written with a <c>Name@odata.type</c> annotation (Double always, so a whole 5.0 is stored as a Double); Int64 as a
/// string so values beyond 2^53 survive. Reads accept minimal and full metadata and, without an annotation, follow the
/// documented inference: string, Boolean, a number with a decimal point or exponent is a Double, else an Int32.
/// </summary>
internal static class TableJson
{
    private const string Annotation = "@odata.type";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity.Properties)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static TableEntity ReadEntity(JsonElement element)
    {
        string? partitionKey = null, rowKey = null, etag = null;
        DateTimeOffset? timestamp = null;
        var properties = new List<KeyValuePair<string, object?>>();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            switch (name)
            {
                case "PartitionKey":
                    partitionKey = property.Value.GetString();
                    continue;
                case "RowKey":
                    rowKey = property.Value.GetString();
                    continue;
                case "odata.etag":
                    etag = property.Value.GetString();
                    continue;
                case "Timestamp":
                    timestamp = ParseDateTime(property.Value.GetString()!);
                    continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var type = element.TryGetProperty(name + Annotation, out var annotation) ? annotation.GetString() : null;
            properties.Add(new(name, ReadValue(name, property.Value, type)));
        }

        if (partitionKey is null || rowKey is null)
        {
            throw new FormatException("A Table service entity came back without PartitionKey or RowKey.");
        }

        return new TableEntity(partitionKey, rowKey, properties, etag is null ? default : new ETag(etag)) { Timestamp = timestamp };
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + Annotation, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(name + Annotation, "Edm.Double");
                if (double.IsNaN(d))
                {
                    writer.WriteString(name, "NaN");
                }
                else if (double.IsPositiveInfinity(d))
                {
                    writer.WriteString(name, "Infinity");
                }
                else if (double.IsNegativeInfinity(d))
                {
                    writer.WriteString(name, "-Infinity");
                }
                else
                {
                    writer.WriteNumber(name, d);
                }

                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset t:
                writer.WriteString(name + Annotation, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(t));
                break;
            case Guid g:
                writer.WriteString(name + Annotation, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + Annotation, "Edm.Binary");
                writer.WriteString(name, Convert.ToBase64String(bytes));
                break;
            default:
                throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot store.", nameof(value));
        }
    }

    private static object ReadValue(string name, JsonElement value, string? type) => type switch
    {
        "Edm.Int64" => long.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture),
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Double" => ReadDouble(value),
        "Edm.DateTime" => ParseDateTime(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        "Edm.Boolean" => value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean(),
        "Edm.String" => value.GetString()!,
        null => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            // "Payload Format for Table Service Operations": an unannotated number is Edm.Double when written with a
            // decimal point or an exponent (the service writes a whole Double as 5.0), else Edm.Int32. A whole number
            // beyond Int32 can only be a Double (an Int64 is always annotated).
            JsonValueKind.Number when IsInt32Literal(value, out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw new FormatException($"Property '{name}' has an unexpected JSON value of kind {value.ValueKind}."),
        },
        _ => throw new FormatException($"Property '{name}' has the unsupported type {type}."),
    };

    private static bool IsInt32Literal(JsonElement value, out int number)
    {
        number = 0;
        return value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0 && value.TryGetInt32(out number);
    }

    private static double ReadDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" or "INF" => double.PositiveInfinity,
            "-Infinity" or "-INF" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        },
        _ => throw new FormatException($"An Edm.Double came back as {value.ValueKind}."),
    };

    internal static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseDateTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
