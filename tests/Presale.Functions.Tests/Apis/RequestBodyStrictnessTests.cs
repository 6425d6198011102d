using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Presale.Domain.Security;
using Presale.Functions.Host.OpenApi;
using Presale.Functions.Tests.Support;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// Every operation of the app's own OpenAPI document that takes a body, sent its documented example with one member
/// the API does not have: at the top level and inside every nested object (array elements included). Each must be
/// refused in the same way, whatever the route: 400, problem type <c>urn:presale:problem:validation</c>, the member's
/// JSON path as the one key of <c>errors</c>, and no .NET type name anywhere in the answer. The operations are read
/// from the document, so a route added later is walked without editing this test.
/// </summary>
public sealed class RequestBodyStrictnessTests : IAsyncLifetime
{
    private const string Extra = "unexpected";
    private const string ValidationType = "urn:presale:problem:validation";

    private static readonly string[] FrameworkWords = ["System.", "Microsoft.", "Presale.", ".NET", "Nullable`"];

    private readonly PresaleApp _app = new();
    private HttpClient _client = null!;
    private JsonObject _document = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _client = _app.CreateClient();
        _document = (await _client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct))!;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task EveryOperationWithABody_RefusesAnUnknownMember_AtTheTopAndNested_TheSameWay()
    {
        var supplier = "strict-" + Guid.NewGuid().ToString("N")[..12];
        await JsonCalls.SendAsync(_client, HttpMethod.Post, "/api/suppliers", $$$"""{"id":"{{{supplier}}}","name":"Strict","contact":{"email":"ops@strict.example"}}""", HttpStatusCode.Created);
        var secret = (await JsonCalls.SendAsync(_client, HttpMethod.Post, $"/api/suppliers/{supplier}/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        var typeNames = TypeNames();

        var failures = new List<string>();
        var walked = new List<string>();
        foreach (var (method, path, operation) in Operations())
        {
            var id = operation["operationId"]!.GetValue<string>();
            var content = operation["requestBody"]!["content"]!.AsObject();
            var uri = Regex.Replace(path, "{(?<name>[^}]+)}", m => m.Groups["name"].Value == "supplierId" ? supplier : "strict-1");
            foreach (var (mediaType, media) in content)
            {
                var example = (media!["example"] ?? media["examples"]?.AsObject().First().Value!["value"])?.AsObject();
                Assert.True(example is not null, $"{id}: {mediaType} has no example to send.");
                switch (mediaType)
                {
                    case "application/json":
                        foreach (var (sent, field) in WithExtraMember(example))
                        {
                            walked.Add($"{id} {field}");
                            using var request = new HttpRequestMessage(new HttpMethod(method), uri) { Content = new StringContent(sent, Encoding.UTF8, mediaType) };
                            AddRequiredHeaders(request, operation, sent, secret);
                            using var response = await _client.SendAsync(request, Ct);
                            var text = await response.Content.ReadAsStringAsync(Ct);
                            failures.AddRange(JsonRefusalProblems(response, text, field, typeNames).Select(p => $"{id} with {field}: {p} {text}"));
                        }

                        break;
                    case "application/x-www-form-urlencoded":
                        // The link page's form: not JSON, answered with a page for the customer's browser.
                        walked.Add($"{id} {Extra} (form)");
                        var fields = example.Select(f => KeyValuePair.Create(f.Key, f.Value!.GetValue<string>())).Append(KeyValuePair.Create(Extra, "1"));
                        using (var response = await _client.PostAsync(new Uri(uri, UriKind.Relative), new FormUrlEncodedContent(fields), Ct))
                        {
                            var page = await response.Content.ReadAsStringAsync(Ct);
                            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "text/html"
                                || !page.Contains("did not come from the page", StringComparison.Ordinal))
                            {
                                failures.Add($"{id} form with {Extra}: {(int)response.StatusCode} {response.Content.Headers.ContentType}: {page}");
                            }
                        }

                        break;
                    default:
                        failures.Add($"{id}: takes {mediaType}, which this test does not know how to send with an unknown member.");
                        break;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Superset(
            new HashSet<string>(["PlaceOrder unexpected", "PlaceOrder lines[0].unexpected", "PlaceOrder notificationContact.unexpected", "CreateSupplier contact.unexpected", "PostEtaUpdate unexpected", "DelayConsentLink unexpected (form)"]),
            walked.ToHashSet());
    }

    [Fact]
    public void EveryJsonRequestBody_IsDocumentedAsStrict_WithAClosedSchemaAndAnUnknownMemberExample()
    {
        var schemas = _document["components"]!["schemas"]!.AsObject();
        var problems = new List<string>();
        foreach (var (_, _, operation) in Operations())
        {
            var id = operation["operationId"]!.GetValue<string>();
            if (operation["requestBody"]!["content"]!["application/json"] is not { } media)
            {
                continue;
            }

            if (operation["requestBody"]!["description"]?.GetValue<string>() != StrictBodyTransformer.Description)
            {
                problems.Add($"{id}: the request body does not say it is read strictly.");
            }

            var open = Objects(media["schema"]!, schemas, []).Where(o => o["additionalProperties"]?.GetValue<bool>() != false).ToList();
            problems.AddRange(open.Select(o => $"{id}: a request schema allows other members: {o.ToJsonString()[..Math.Min(120, o.ToJsonString().Length)]}"));

            var examples = operation["responses"]!["400"]?["content"]?["application/problem+json"]?["examples"]?.AsObject();
            if (examples?[StrictBodyTransformer.UnknownMember]?["value"]?["errors"] is not JsonObject { Count: 1 } errors || errors.First().Value![0]!.GetValue<string>() is not { } message
                || !message.StartsWith("Unknown member", StringComparison.Ordinal))
            {
                problems.Add($"{id}: the 400 answer has no 'Unknown member' example naming one member.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryBadRequestAnswerInTheDocument_HasTheOneValidationProblemType()
    {
        var answers = _document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(o => (Id: o.Value!["operationId"]?.GetValue<string>() ?? path.Key, Answer: o.Value!["responses"]?["400"])))
            .Where(o => o.Answer is not null)
            .SelectMany(o => (o.Answer!["content"] as JsonObject ?? []).SelectMany(m => m.Value!["example"] is { } single ? [single] : (m.Value["examples"] as JsonObject ?? []).Select(e => e.Value!["value"]!)).Select(e => (o.Id, Example: e)))
            .ToList();

        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.True(
            a.Example["type"]?.GetValue<string>() == ValidationType && a.Example["errors"] is JsonObject { Count: > 0 },
            $"{a.Id}: a 400 example is not a {ValidationType} problem with errors: {a.Example.ToJsonString()}"));
    }

    /// <summary>Every operation that takes a body, as method, path and its JSON.</summary>
    private IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => o.Value is JsonObject { } operation && operation["requestBody"] is not null)
            .Select(o => (o.Key.ToUpperInvariant(), path.Key, o.Value!.AsObject())));

    /// <summary>The example with <see cref="Extra"/> added to one object of it, for each object it holds (the root first), with that member's path.</summary>
    private static IEnumerable<(string Body, string Field)> WithExtraMember(JsonObject example)
    {
        foreach (var place in Places(example, string.Empty))
        {
            var copy = example.DeepClone().AsObject();
            var target = place.Length == 0 ? copy : Navigate(copy, place);
            target[Extra] = 1;
            yield return (copy.ToJsonString(), place.Length == 0 ? Extra : $"{place}.{Extra}");
        }
    }

    private static IEnumerable<string> Places(JsonNode node, string path) => node switch
    {
        JsonObject o => o.Where(m => m.Value is not null).SelectMany(m => Places(m.Value!, path.Length == 0 ? m.Key : $"{path}.{m.Key}")).Prepend(path),
        JsonArray a => a.Select((item, i) => (item, i)).Where(x => x.item is not null).SelectMany(x => Places(x.item!, $"{path}[{x.i}]")),
        _ => [],
    };

    private static JsonObject Navigate(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (Match step in Regex.Matches(path, @"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]"))
        {
            node = step.Groups["index"].Success ? node[int.Parse(step.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture)]! : node[step.Groups["name"].Value]!;
        }

        return node.AsObject();
    }

    /// <summary>The headers the operation declares required: a fresh idempotency key, a valid supplier signature of <paramref name="body"/>.</summary>
    private static void AddRequiredHeaders(HttpRequestMessage request, JsonObject operation, string body, string secret)
    {
        foreach (var parameter in (operation["parameters"] as JsonArray ?? []).Where(p => p!["in"]!.GetValue<string>() == "header" && p["required"]?.GetValue<bool>() == true))
        {
            var name = parameter!["name"]!.GetValue<string>();
            request.Headers.TryAddWithoutValidation(name, name == WebhookSignature.HeaderName
                ? WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), TimeProvider.System.GetUtcNow(), secret)
                : "strict-" + Guid.NewGuid().ToString("N"));
        }
    }

    private static IEnumerable<string> JsonRefusalProblems(HttpResponseMessage response, string text, string field, IReadOnlyList<string> typeNames)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            yield return $"answered {(int)response.StatusCode}, not 400.";
            yield break;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            yield return $"answered {response.Content.Headers.ContentType}, not a problem.";
            yield break;
        }

        var problem = JsonNode.Parse(text)!.AsObject();
        if (problem["type"]?.GetValue<string>() != ValidationType)
        {
            yield return $"problem type {problem["type"]}, not {ValidationType}.";
        }

        var named = (problem["errors"] as JsonObject ?? []).Select(e => e.Key).ToList();
        if (named.Count != 1 || named[0] != field)
        {
            yield return $"errors name [{string.Join(", ", named)}], not exactly {field}.";
        }

        foreach (var word in FrameworkWords.Where(w => text.Contains(w, StringComparison.Ordinal)).Concat(typeNames.Where(t => Regex.IsMatch(text, $@"\b{t}\b"))))
        {
            yield return $"the answer names '{word}'.";
        }
    }

    /// <summary>The names of Presale's own types (those a serializer message would name), long enough not to be ordinary words.</summary>
    private static List<string> TypeNames() =>
        new[] { typeof(Program).Assembly, typeof(Application.Common.PresaleJson).Assembly, typeof(WebhookSigner).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => t.Name.Split('`')[0])
            .Where(n => n.Length >= 8 && n.All(char.IsAsciiLetterOrDigit) && char.IsUpper(n[0]))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every object schema <paramref name="schema"/> is made of (references resolved, each once).</summary>
    private static IEnumerable<JsonObject> Objects(JsonNode schema, JsonObject components, HashSet<string> seen)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            return seen.Add(name) ? Objects(components[name]!, components, seen) : [];
        }

        var parts = (schema["properties"] as JsonObject ?? []).Select(p => p.Value!)
            .Concat(schema["items"] is { } items ? [items] : [])
            .Concat(new[] { "allOf", "anyOf", "oneOf" }.SelectMany(k => schema[k] as JsonArray ?? []).Select(p => p!))
            .SelectMany(p => Objects(p, components, seen));
        return schema["properties"] is JsonObject { Count: > 0 } ? parts.Prepend(schema.AsObject()) : parts;
    }
}
