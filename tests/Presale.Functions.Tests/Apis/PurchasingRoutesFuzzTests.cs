using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Presale.Domain.Security;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// Random and hostile requests to every purchasing route over HTTP, against the real app on Azurite with a shop, a
/// supplier with terms and a purchase order in place: bodies that are malformed, of the wrong shape, with unknown,
/// missing, null, huge, negative or oddly typed members (acknowledgements validly signed, so the handler reads them),
/// hostile path segments, periods, SKUs, query values and Accept headers. Every answer must be a deliberate one, never
/// a 5xx: bad input is a 4xx problem. (A NUL in the path is left out: the test server refuses to send it, and Kestrel
/// answers it 400 before any route.)
/// </summary>
public sealed class PurchasingRoutesFuzzTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Key = "purchasing-fuzz-key";

    private static readonly string[] Hostile =
    [
        "", " ", "acme", "PO-1", "CHIP-1", "a%2Fb", "a#b", "x?y", "%01", "%E2%80%AE", "é", "🙂", "supplier|x", "..", "' or 1=1", "2026-03", "2026-W10", "2026-13",
        "2026-W54", "0000-01", "9999-12", "=cmd()", "A", new string('x', 300), "null", "-1", "1e400", "[]", "{}",
    ];

    private static readonly string[] TermsMembers = ["currency", "paymentTerms", "netDays", "basis", "onTimeWindow", "daysEarly", "daysLate", "reference", "chargebacks", "lateUnits", "shortUnits", "cancelledLine", "waiveAboveOnTimeRate", "rebates", "byGrade", "volumeTiers", "fromAmount", "rate", "catalogue", "sku", "unitCost", "minimumOrderQuantity", "packSize", "A", "E"];

    private static readonly string[] OrderMembers = ["purchaseOrderId", "supplierId", "currency", "lines", "sku", "quantity", "unitCost", "requestedDeliveryDate", "suggestionId", "note"];

    private static readonly string[] AcknowledgementMembers = ["eventId", "supplierTimestamp", "accepted", "rejected", "lineNumber", "quantity", "eta", "reason"];

    private readonly List<string> _failures = [];
    private PresaleApp _app = null!;
    private HttpClient _client = null!;
    private string _secret = null!;
    private int _requests;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new PresaleApp()
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:FunctionKey", Key)
            .WithOwnTables();
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.Add("x-functions-key", Key);
        await SendAsync(_client, HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"de-DE"}""", HttpStatusCode.OK);
        await SendAsync(_client, HttpMethod.Put, "/api/skus/CHIP-1", """{"preSaleEnabled":true,"cap":50,"maxPerOrder":50}""", HttpStatusCode.Created);
        await SendAsync(_client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        _secret = (await SendAsync(_client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        await SendAsync(_client, HttpMethod.Put, "/api/suppliers/acme/terms", """{"currency":"EUR","paymentTerms":{"netDays":30,"basis":"receipt"},"onTimeWindow":{"daysEarly":2,"daysLate":0,"reference":"requestedDate"},"chargebacks":{"lateUnits":0.03,"shortUnits":0.05,"cancelledLine":0.1},"catalogue":[{"sku":"CHIP-1","unitCost":2.5}]}""", HttpStatusCode.Created);
        var due = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(20);
        await SendAsync(_client, HttpMethod.Post, "/api/purchase-orders", $$"""{"purchaseOrderId":"PO-1","supplierId":"acme","lines":[{"sku":"CHIP-1","quantity":20}],"requestedDeliveryDate":"{{due:yyyy-MM-dd}}"}""", HttpStatusCode.Created);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public void EveryPurchasingRoute_AnswersHostileInput_WithoutA5xx()
    {
        var segment = Gen.Frequency((3, Gen.Elements("acme", "PO-1", "CHIP-1", "2026-03")), (2, Gen.Elements(Hostile)));
        var requests = Gen.OneOf(
            Body(TermsMembers).Zip(segment).Select(p => Request.Json(HttpMethod.Put, $"/api/suppliers/{p.Item2}/terms", p.Item1)),
            Body(OrderMembers).Select(b => Request.Json(HttpMethod.Post, "/api/purchase-orders", b)),
            Body(AcknowledgementMembers).Zip(segment.Zip(segment)).Select(p => Request.Signed($"/api/suppliers/{(p.Item2.Item1 == "2026-03" ? "acme" : p.Item2.Item1)}/purchase-orders/{p.Item2.Item2}/acknowledgements", p.Item1)),
            segment.Zip(segment).Select(p => Request.Get($"/api/suppliers/{p.Item1}/terms")),
            segment.Zip(segment).Select(p => Request.Get($"/api/suppliers/{p.Item1}/purchase-orders/{p.Item2}")),
            segment.Select(s => Request.Get($"/api/suppliers/{s}/purchase-orders")),
            segment.Zip(segment.Zip(Gen.Elements("application/json", "text/csv", "text/csv;q=0", "*/*", "text/html", "application/xml, text/csv", "garbage")))
                .Select(p => Request.Get($"/api/suppliers/{(p.Item1 == "2026-03" ? "acme" : p.Item1)}/statements/{p.Item2.Item1}", p.Item2.Item2)),
            segment.Select(s => Request.Get($"/api/skus/{s}/replenishment")),
            segment.Zip(segment).Select(p => Request.Get($"/api/replenishment/suggestions?limit={p.Item1}&continuationToken={p.Item2}")),
            segment.Zip(segment.Zip(Gen.Elements("", "resourcing", "purchaseOrderUnacknowledged", "belowSafetyStock", "preSoldBeyondSupply", "Resourcing", "x")))
                .Select(p => Request.Get($"/api/alerts?kind={p.Item2.Item2}&limit={p.Item1}&continuationToken={p.Item2.Item1}")));

        Prop.ForAll(requests.ToArbitrary(), request => FireAsync(request).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(400));

        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_requests} requests answered 5xx:{Environment.NewLine}{string.Join(Environment.NewLine, _failures.Take(20))}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{_requests} requests, 0 answered 5xx.");
    }

    /// <summary>A JSON body made of the route's member names (and unknown ones) holding any kind of value; or not JSON at all.</summary>
    private static Gen<string> Body(string[] members)
    {
        var scalar = Gen.OneOf(
            Gen.Elements<JsonNode?>(null, true, false, 0, -1, 1, 2, 100, 1_000_001, int.MaxValue, long.MaxValue, 0.03m, -0.5m, 1.0000001m, 79228162514264337593543950335m),
            Gen.Elements(Hostile).Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Elements("EUR", "eur", "USD", "receipt", "invoice", "requestedDate", "firstAcknowledgedDate", "acme", "PO-1", "CHIP-1", "2026-03-20", "2026-03-20T08:00:00Z", "1999-01-01", "9999-12-31")
                .Select(s => (JsonNode?)JsonValue.Create(s)));
        Gen<JsonNode?> Value(int depth) => depth == 0
            ? scalar
            : Gen.Frequency(
                (4, scalar),
                (1, Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Value(depth - 1), n)).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
                (2, Object(depth - 1)));
        Gen<JsonNode?> Object(int depth) =>
            Gen.Choose(0, 6).SelectMany(n => Gen.ListOf(Gen.Elements([.. members, "unexpected", "Currency"]).Zip(Value(depth)), n))
                .Select(pairs =>
                {
                    var json = new JsonObject();
                    foreach (var (name, value) in pairs)
                    {
                        json[name] = value?.DeepClone();
                    }

                    return (JsonNode?)json;
                });
        return Gen.Frequency(
            (8, Object(3).Select(o => o!.ToJsonString())),
            (1, Gen.Elements("", "{", "[1,2]", "null", "\"text\"", "{\"a\":1,\"a\":2}", "{\"lines\":[{\"sku\":\"CHIP-1\",\"quantity\":1e999}]}", "\u0000", "{\"note\":\"\\ud800\"}")));
    }

    private async Task<bool> FireAsync(Request request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            if (request.SignedWebhook)
            {
                message.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), TimeProvider.System.GetUtcNow(), _secret));
            }
        }

        if (request.Accept is { } accept)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(message, Ct);
        _requests++;
        if ((int)response.StatusCode >= 500)
        {
            _failures.Add($"{request.Method} {request.Path} {request.Body} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }

        return true;
    }

    private sealed record Request(HttpMethod Method, string Path, string? Body, bool SignedWebhook, string? Accept)
    {
        public static Request Json(HttpMethod method, string path, string body) => new(method, path, body, false, null);

        public static Request Signed(string path, string body) => new(HttpMethod.Post, path, body, true, null);

        public static Request Get(string path, string? accept = null) => new(HttpMethod.Get, path, null, false, accept);
    }
}
