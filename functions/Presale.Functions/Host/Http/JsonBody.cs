using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Presale.Application.Common;

namespace Presale.Functions.Host.Http;

/// <summary>
/// The one reader of JSON request bodies. It reads with a size limit and the strict request options
/// (<see cref="PresaleJson.Requests"/>), and turns every way a body can be wrong into a problem answer, never a 500
/// and never a silently dropped member: too large (413), not JSON (415), and as 400 <c>urn:presale:problem:validation</c>
/// with <c>errors</c> keyed by the JSON path (<c>lines[0].shipingCharge</c>): empty, malformed, an unknown member (also a
/// case variant of a known one), a member given twice, null where a value is required, a value of the wrong type or an
/// unknown enum value.
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
            return optional ? new(null, null, null) : Parse<T>([]);
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
        var (value, invalid) = Parse(body, PresaleJson.Requests.GetTypeInfo(typeof(T)));
        return new((T?)value, invalid, null);
    }

    /// <summary>
    /// Reads <paramref name="body"/> as the type of <paramref name="contract"/> (from <see cref="PresaleJson.Requests"/>):
    /// first every unknown, repeated or wrongly null member is named (<see cref="JsonBodyMembers"/>), then the values are
    /// deserialised; the first bad value is named by its path.
    /// </summary>
    internal static (object? Value, ValidationProblem? Invalid) Parse(ReadOnlySpan<byte> body, JsonTypeInfo contract)
    {
        if (body.IsEmpty)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] }));
        }

        try
        {
            if (JsonBodyMembers.Check(body, contract) is { Count: > 0 } members)
            {
                return (null, Problems.Validation(members));
            }

            return JsonSerializer.Deserialize(body, contract) is { } value
                ? (value, null)
                : (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["The body must be a JSON object, not null."] }));
        }
        catch (JsonException error)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { [FieldOf(error.Path)] = [Describe(error)] }));
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

    // The member check reads the whole body first, so a syntax error has no path (the reader's own exception); a path
    // of "$" means the body is JSON but not an object; any other path is one value the type cannot take. The
    // serializer's message is never shown: it names .NET types.
    private static string Describe(JsonException error) => error.Path switch
    {
        null => error.LineNumber is { } line
            ? $"The body is not valid JSON (line {line + 1}, position {error.BytePositionInLine + 1})."
            : "The body is not valid JSON.",
        "$" => "The body must be a JSON object.",
        _ => "This value is malformed, of the wrong type, out of range, or not one of the allowed values.",
    };
}
