using System.Text.Json;
using Presale.Application.Common;

namespace Presale.Functions.Apis.Http;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong into a problem answer, never a
/// 500: too large (413), not JSON (415), empty, malformed, a value of the wrong type or an unknown enum value (400,
/// naming the field by its JSON path).
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer instead. An empty optional body gives no value and no problem.</summary>
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, null, Problems.TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new(null, null, Problems.TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return optional ? new(null, null, null) : new(null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] }), null);
        }

        if (!request.HasJsonContentType())
        {
            return new(null, null, Problems.UnsupportedMediaType());
        }

        return Parse<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Deserialises an already-read body (e.g. a verified webhook's raw bytes) with the same answers as <see cref="ReadAsync{T}"/>.</summary>
    public static JsonBodyResult<T> Parse<T>(ReadOnlySpan<byte> body)
        where T : class
    {
        if (body.IsEmpty)
        {
            return new(null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] }), null);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, PresaleJson.Options);
            return value is null
                ? new(null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object, not null."] }), null)
                : new(value, null, null);
        }
        catch (JsonException error)
        {
            return new(null, Problems.Validation(new Dictionary<string, string[]> { [FieldOf(error.Path)] = [Describe(error)] }), null);
        }
    }

    /// <summary>The JSON path of the offending value in the API's field notation (<c>$.lines[0].quantity</c> → <c>lines[0].quantity</c>).</summary>
    internal static string FieldOf(string? path) => path switch
    {
        null or "" or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };

    private static string Describe(JsonException error) =>
        error.Path is null or "$" && error.LineNumber is { } line
            ? $"The body is not valid JSON (line {line + 1}, position {error.BytePositionInLine + 1})."
            : "This value is malformed, of the wrong type, out of range, or not one of the allowed values.";
}
