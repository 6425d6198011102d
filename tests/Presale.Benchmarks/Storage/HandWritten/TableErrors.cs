using System.Text.Json;
using Azure;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>Reads the Table service's error code and message (<c>x-ms-error-code</c> header or the OData error body).</summary>
internal static class TableErrors
{
    public static string? Code(Response response)
    {
        if (response.Headers.TryGetValue("x-ms-error-code", out var code) && !string.IsNullOrEmpty(code))
        {
            return code;
        }

        return Code(response.Content.ToString());
    }

    public static string? Code(string body) => Error(body)?.Code;

    public static string? Message(string body) => Error(body)?.Message;

    private static (string? Code, string? Message)? Error(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("odata.error", out var error))
            {
                return null;
            }

            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            string? message = null;
            if (error.TryGetProperty("message", out var m))
            {
                message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            }

            return (code, message);
        }
        catch (JsonException)
        {
            // Not an OData error body (for example an HTML proxy page): there is no code to read, the status stands.
            return null;
        }
    }
}
