using System.Text.Json;
using Azure.Core.Amqp;
using Azure.Messaging.ServiceBus;
using Json.Schema;
using Presale.Adapters.IntegrationEvents;
using Presale.Application.IntegrationEvents;
using Presale.Testing;

namespace Presale.Adapters.Tests.IntegrationEvents;

public sealed class ServiceBusEventMessagesTests
{
    /// <summary>The documented schemas, each loaded once (the schema library registers every schema by its id, process-wide).</summary>
    private static readonly Dictionary<string, JsonSchema> Schemas = IntegrationEventTypes.All.ToDictionary(
        type => type, type => JsonSchema.FromFile(RepositoryPaths.Combine("docs", "events", $"{type}.v1.schema.json")), StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(EventSamples.Kinds), MemberType = typeof(EventSamples))]
    public void ToMessage_OfEveryKind_CarriesItsKeySubjectRoutingPropertiesAndBody(string type)
    {
        var integrationEvent = EventSamples.Of(type);

        var message = ServiceBusEventMessages.ToMessage(integrationEvent);

        Assert.Equal(integrationEvent.Key, message.MessageId);
        Assert.Equal(type, message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(integrationEvent.CorrelationId, message.CorrelationId);
        Assert.Equal(EventSamples.RoutingOf(type).OrderBy(p => p.Key), message.ApplicationProperties.OrderBy(p => p.Key));
        Assert.Equal(integrationEvent.Body, message.Body.ToString());
        using var body = JsonDocument.Parse(message.Body.ToString());
        Assert.Equal(integrationEvent.Key, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(type, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("version").GetInt32());
    }

    [Theory]
    [MemberData(nameof(EventSamples.Kinds), MemberType = typeof(EventSamples))]
    public void Body_OfEveryKind_IsValidAgainstItsDocumentedSchema(string type)
    {
        var schema = Schemas[type];
        using var body = JsonDocument.Parse(ServiceBusEventMessages.ToMessage(EventSamples.Of(type)).Body.ToString());

        var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))));
    }

    [Fact]
    public void DocumentedSchemas_RefuseABodyMissingARequiredField()
    {
        var schema = Schemas[IntegrationEventTypes.OrderDelayed];
        var body = System.Text.Json.Nodes.JsonNode.Parse(EventSamples.Of(IntegrationEventTypes.OrderDelayed).Body)!;
        body["data"]!.AsObject().Remove("consentDeadline");

        Assert.False(schema.Evaluate(JsonDocument.Parse(body.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void EveryKind_HasADocumentedSchema_AndNoSchemaIsForAKindNotPublished()
    {
        var documented = Directory.GetFiles(RepositoryPaths.Combine("docs", "events"), "*.v1.schema.json").Select(f => Path.GetFileName(f)[..^".v1.schema.json".Length]).Order(StringComparer.Ordinal);

        Assert.Equal(IntegrationEventTypes.All.Order(StringComparer.Ordinal), documented);
    }

    [Theory]
    [MemberData(nameof(EventSamples.Kinds), MemberType = typeof(EventSamples))]
    public void Message_AsASubscriberReceivesIt_KeepsEveryField(string type)
    {
        var sent = ServiceBusEventMessages.ToMessage(EventSamples.Of(type));

        // What the broker hands a subscription's receiver is the same AMQP message, read back by the SDK.
        var received = ServiceBusReceivedMessage.FromAmqpMessage(sent.GetRawAmqpMessage(), BinaryData.FromBytes(Guid.NewGuid().ToByteArray()));

        Assert.Equal((sent.MessageId, sent.Subject, sent.ContentType, sent.CorrelationId), (received.MessageId, received.Subject, received.ContentType, received.CorrelationId));
        Assert.Equal(sent.ApplicationProperties.OrderBy(p => p.Key), received.ApplicationProperties.OrderBy(p => p.Key));
        Assert.Equal(sent.Body.ToString(), received.Body.ToString());
        Assert.Equal(AmqpMessageBodyType.Data, received.GetRawAmqpMessage().Body.BodyType);
    }

    [Fact]
    public void ModelFactory_ReceivedMessage_ReadsAsTheSameEvent()
    {
        var sent = ServiceBusEventMessages.ToMessage(EventSamples.Of(IntegrationEventTypes.OrderDelayed));

        var received = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: sent.Body, messageId: sent.MessageId, correlationId: sent.CorrelationId, subject: sent.Subject, contentType: sent.ContentType, properties: sent.ApplicationProperties);

        Assert.Equal("order.delayed", received.Subject);
        Assert.True((bool)received.ApplicationProperties["consentRequired"]);
        Assert.Equal(sent.MessageId, JsonDocument.Parse(received.Body.ToString()).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void IdFor_AKeyOfAtMost128Characters_IsTheKeyItself()
    {
        var key = new string('k', ServiceBusEventMessages.MaxIdLength);

        Assert.Equal(key, ServiceBusEventMessages.IdFor(key));
        Assert.Equal("order:o-1", ServiceBusEventMessages.IdFor("order:o-1"));
    }

    [Fact]
    public void IdFor_ALongerKey_Is128CharactersTheSameEachTime_AndDiffersForKeysSharingAPrefix()
    {
        var prefix = "lot-at-risk:" + new string('s', 150);
        var first = prefix + ":eta-1";
        var second = prefix + ":eta-2";

        var id = ServiceBusEventMessages.IdFor(first);

        Assert.Equal(ServiceBusEventMessages.MaxIdLength, id.Length);
        Assert.Equal(id, ServiceBusEventMessages.IdFor(first));
        Assert.NotEqual(id, ServiceBusEventMessages.IdFor(second));
        Assert.StartsWith("lot-at-risk:sss", id, StringComparison.Ordinal);
        Assert.Matches("~[0-9a-f]{64}$", id);
    }

    [Fact]
    public void ToMessage_WithAKeyLongerThanServiceBusAllows_SendsTheHashedId()
    {
        var key = LotAtRiskEvents.Key(new string('s', 100), new string('l', 100), "eta-1");
        var integrationEvent = EventSamples.Of(IntegrationEventTypes.SupplierLotAtRisk) with { Key = key };

        // The SDK itself refuses such an id: hashing is what makes the event sendable at all.
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceBusMessage { MessageId = key });
        var message = ServiceBusEventMessages.ToMessage(integrationEvent);

        Assert.Equal(ServiceBusEventMessages.IdFor(key), message.MessageId);
        Assert.Equal(ServiceBusEventMessages.MaxIdLength, message.MessageId.Length);
    }

    [Fact]
    public void IdFor_NeverSplitsASurrogatePair()
    {
        var keep = ServiceBusEventMessages.MaxIdLength - 64 - 1;
        var key = new string('a', keep - 1) + "😀" + new string('b', 100);

        var id = ServiceBusEventMessages.IdFor(key);

        Assert.False(char.IsHighSurrogate(id[^66]), "The id ends its readable part in half a character.");
        Assert.True(id.Length <= ServiceBusEventMessages.MaxIdLength);
        Assert.Equal(id, System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(id))); // no lone surrogate
    }
}
