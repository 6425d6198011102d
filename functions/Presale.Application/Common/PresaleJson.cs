using System.Text.Json;
using System.Text.Json.Serialization;

namespace Presale.Application.Common;

/// <summary>
/// The one JSON dialect of Presale's API and stored documents: camelCase names, enums as camelCase strings (an unknown
/// value or a number is an error, never a silent default), <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>.
/// </summary>
public static class PresaleJson
{
    /// <summary>The shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
