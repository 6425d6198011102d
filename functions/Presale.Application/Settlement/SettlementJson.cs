using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Notifications;

namespace Presale.Application.Settlement;

/// <summary>The project's JSON dialect (<see cref="PresaleJson"/>) plus the notifications' <see cref="MoneyJsonConverter"/> (amounts as <c>{amount, currency}</c>, readable back), for statements written and read back.</summary>
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
