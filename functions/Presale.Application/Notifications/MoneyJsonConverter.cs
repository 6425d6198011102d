using System.Text.Json;
using System.Text.Json.Serialization;
using Presale.Domain.Common;

namespace Presale.Application.Notifications;

/// <summary>
/// <see cref="Money"/> as <c>{"amount": 12.50, "currency": "EUR"}</c>. Needed because the serializer would build the
/// struct with its implicit parameterless constructor (zero, no currency) instead of the validating one.
/// </summary>
internal sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A money value must be an object {\"amount\": n, \"currency\": \"XXX\"}.");
        }

        decimal? amount = null;
        string? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = reader.GetDecimal();
            }
            else if (string.Equals(name, "currency", StringComparison.OrdinalIgnoreCase))
            {
                currency = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        if (amount is null || string.IsNullOrEmpty(currency))
        {
            throw new JsonException("A money value needs both amount and currency.");
        }

        try
        {
            return new Money(amount.Value, currency);
        }
        catch (ArgumentException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
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
