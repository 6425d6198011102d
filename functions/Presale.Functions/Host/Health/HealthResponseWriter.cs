using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Presale.Functions.Host.Health;

/// <summary>
/// Writes <c>/api/health</c> as JSON: the overall status and one entry per registered health check
/// (<c>name</c>, <c>status</c>, <c>description</c>, <c>durationMs</c>, <c>error</c>, <c>data</c>).
/// </summary>
/// <remarks>
/// Written member by member with <see cref="Utf8JsonWriter"/> rather than by serializing an anonymous object: the first
/// answer of a new instance is its health probe, and reflection-based serialization would build its type metadata then.
/// </remarks>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", StatusName(report.Status));
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", StatusName(entry.Status));
            json.WriteString("description", entry.Description);
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteString("error", entry.Exception?.Message);
            json.WritePropertyName("data");
            if (entry.Data.Count == 0)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteData(json, entry.Data);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        HealthStatus.Unhealthy => "unhealthy",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void WriteData(Utf8JsonWriter json, IReadOnlyDictionary<string, object> data)
    {
        json.WriteStartObject();
        foreach (var (key, value) in data)
        {
            json.WritePropertyName(key);
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case double number:
                    json.WriteNumberValue(number);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                default:
                    // Anything else a check reports is serialized as before (by its runtime type, web defaults).
                    JsonSerializer.Serialize(json, value, value.GetType(), JsonSerializerOptions.Web);
                    break;
            }
        }

        json.WriteEndObject();
    }
}
