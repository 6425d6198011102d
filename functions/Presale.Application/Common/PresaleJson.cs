using System.Text.Json;
using System.Text.Json.Serialization;

namespace Presale.Application.Common;

/// <summary>
/// The one JSON dialect of Presale's API and stored documents: camelCase names, enums as camelCase strings (an unknown
/// value or a number is an error, never a silent default), <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>.
/// </summary>
public static class PresaleJson
{
    /// <summary>
    /// The shared, read-only options for what Presale writes and reads back itself (stored documents, outbox bodies,
    /// answers). Reading is tolerant on purpose: a row written by an older version may carry a member the current type
    /// no longer has, and must stay readable.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// <see cref="Options"/> made strict for what clients send (request bodies, webhooks): a member the request type
    /// does not have, a member given twice, and <c>null</c> for a member that cannot be null are errors, never silently
    /// dropped; names match exactly as documented (case-sensitive, so <c>ShippingCharge</c> is not
    /// <c>shippingCharge</c>).
    /// </summary>
    public static JsonSerializerOptions Requests { get; } = CreateRequests();

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

    private static JsonSerializerOptions CreateRequests()
    {
        var options = new JsonSerializerOptions(Options)
        {
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
