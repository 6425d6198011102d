using System.Text.Json;
using Presale.Application.Common;

namespace Presale.Application.Settlement;

/// <summary>The project's JSON dialect (<see cref="PresaleJson"/>) plus <see cref="MoneyJsonConverter"/>, for statements written and read back.</summary>
internal static class SettlementJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(PresaleJson.Options);
        options.Converters.Add(new MoneyJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
