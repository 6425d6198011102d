using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Presale.Adapters.Storage;
using Presale.Application.Messaging;

namespace Presale.Adapters.ServiceBus;

/// <summary>
/// <see cref="IMessagePublisher"/> over the Service Bus REST API (<c>POST {namespace}/{queue}/messages</c>, 201):
/// the body is the message's JSON, <c>BrokerProperties</c> carries MessageId (for duplicate detection), CorrelationId,
/// Label (the subject) and ScheduledEnqueueTimeUtc. Authorised with a SAS token or an Entra ID bearer token
/// (scope <c>https://servicebus.azure.net/.default</c>). Retries (503/500/429, transport errors) reuse the MessageId,
/// so a queue with duplicate detection keeps one copy.
/// </summary>
public sealed class ServiceBusPublisher : IMessagePublisher
{
    /// <summary>The Entra ID scope of Service Bus.</summary>
    public const string Scope = "https://servicebus.azure.net/.default";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates the publisher for one namespace.</summary>
    public ServiceBusPublisher(ServiceBusNamespace serviceBus, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceBus);
        options ??= new StorageClientOptions();
        _endpoint = serviceBus.Endpoint;
        var perRetry = new List<HttpPipelinePolicy>(options.AdditionalPerRetryPolicies);
        if (serviceBus.Key is { } key)
        {
            perRetry.Add(new ServiceBusSasPolicy(serviceBus.KeyName!, key, options.TimeProvider, TimeSpan.FromHours(1)));
        }
        else
        {
            perRetry.Add(new BearerTokenAuthenticationPolicy(serviceBus.Credential!, Scope));
        }

        _pipeline = HttpPipelineBuilder.Build(options, [], [.. perRetry], new ResponseClassifier());
    }

    /// <summary>The namespace endpoint requests go to.</summary>
    public Uri Endpoint => _endpoint;

    /// <inheritdoc />
    public async Task PublishAsync(string queue, OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.MessageId, nameof(message));
        if (queue.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')))
        {
            throw new ArgumentException($"Queue name '{queue}' is not valid: letters, digits, '-', '.' and '_'.", nameof(queue));
        }

        var properties = new BrokerProperties(
            message.MessageId,
            message.CorrelationId,
            message.Subject,
            message.ScheduledEnqueueTime?.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        using var request = _pipeline.CreateRequest();
        request.Method = RequestMethod.Post;
        request.Uri.Reset(new Uri(_endpoint, queue + "/messages?timeout=60"));
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("BrokerProperties", JsonSerializer.Serialize(properties, Json));
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(message.Body));
        using var response = await _pipeline.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Status != 201)
        {
            throw new RequestFailedException(response);
        }
    }

    private sealed record BrokerProperties(
        [property: JsonPropertyName("MessageId")] string MessageId,
        [property: JsonPropertyName("CorrelationId")] string? CorrelationId,
        [property: JsonPropertyName("Label")] string? Label,
        [property: JsonPropertyName("ScheduledEnqueueTimeUtc")] string? ScheduledEnqueueTimeUtc);
}
