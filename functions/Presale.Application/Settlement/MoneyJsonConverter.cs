using System.Text.Json;
using System.Text.Json.Serialization;
using Presale.Domain.Common;

namespace Presale.Application.Settlement;

/// <summary>
/// Reads and writes <see cref="Money"/> as <c>{"amount": 12.34, "currency": "EUR"}</c> — the shape the serializer gives
/// it by default — so stored statements can be read back: the default reader would build the struct with its
/// parameterless constructor and lose both values.
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An amount is an object with amount and currency.");
        }

        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "amount":
                    amount = reader.GetDecimal();
                    break;
                case "currency":
                    currency = reader.GetString();
                    break;
                default:
                    throw new JsonException($"An amount has no property '{name}'.");
            }
        }

        return amount is { } value && currency is { Length: 3 } code ? new Money(value, code) : throw new JsonException("An amount needs amount and currency.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteNumber("amount", value.Amount);
        writer.WriteString("currency", value.Currency);
        writer.WriteEndObject();
    }
}
