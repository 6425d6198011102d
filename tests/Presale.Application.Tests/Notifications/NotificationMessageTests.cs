using System.Text.Json.Nodes;
using Presale.Application.Notifications;
using Presale.Domain.Notifications;

namespace Presale.Application.Tests.Notifications;

public sealed class NotificationMessageTests
{
    public static TheoryData<string> Kinds => ["confirmed", "delayed", "compensation"];

    private static NotificationMessage Sample(string kind) => kind switch
    {
        "confirmed" => NotificationSamples.Confirmed(),
        "delayed" => NotificationSamples.Delayed(),
        _ => NotificationSamples.Compensation(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Serialize_ThenDeserialize_KeepsEveryField(string kind)
    {
        var message = Sample(kind);

        var back = NotificationMessageSerializer.Deserialize(NotificationMessageSerializer.Serialize(message));

        Assert.Equal(message.CreatedAt, back.CreatedAt);
        Assert.Equal(message.Notification with { Links = [] }, back.Notification with { Links = [] });
        Assert.Equal(message.Notification.Links, back.Notification.Links);
    }

    [Fact]
    public void ToOutboundMessage_UsesTheDeduplicationKeyAsMessageIdAndNamesTheKind()
    {
        var message = NotificationSamples.Delayed(orderId: "o-7", delayNumber: 2);

        var outbound = message.ToOutboundMessage();

        Assert.Equal(NotificationKeys.Delayed("o-7", 2), outbound.MessageId);
        Assert.Equal("notification.delayed", outbound.Subject);
        Assert.Equal("o-7", outbound.CorrelationId);
        Assert.Equal(message.Notification.Title, NotificationMessageSerializer.Deserialize(outbound.Body).Notification.Title);
    }

    [Fact]
    public void Serialize_WritesEnumsAsCamelCaseNamesAndDatesAsIsoDates()
    {
        var json = JsonNode.Parse(NotificationMessageSerializer.Serialize(NotificationSamples.Compensation()))!;

        Assert.Equal("compensationIssued", (string?)json["notification"]!["kind"]);
        Assert.Equal("storeCredit", (string?)json["notification"]!["compensationKind"]);
        Assert.Equal(12.50m, (decimal?)json["notification"]!["amount"]!["amount"]);
        Assert.Equal("EUR", (string?)json["notification"]!["amount"]!["currency"]);
        Assert.Equal("2026-03-02T09:00:00+00:00", (string?)json["createdAt"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"createdAt":"2026-03-02T09:00:00Z"}""")]
    public void Deserialize_WhenNotAMessage_ThrowsFormatException(string body) =>
        Assert.Throws<FormatException>(() => NotificationMessageSerializer.Deserialize(body));

    [Theory]
    [InlineData("kind", "2")]
    [InlineData("kind", "\"shipped\"")]
    [InlineData("customerId", "\"c/1\"")]
    [InlineData("customerId", "\"\"")]
    [InlineData("deduplicationKey", "\"a#b\"")]
    public void Deserialize_WhenAFieldIsUnusable_ThrowsFormatException(string field, string json)
    {
        var node = JsonNode.Parse(NotificationMessageSerializer.Serialize(NotificationSamples.Confirmed()))!;
        node["notification"]![field] = JsonNode.Parse(json);

        Assert.Throws<FormatException>(() => NotificationMessageSerializer.Deserialize(node.ToJsonString()));
    }
}
