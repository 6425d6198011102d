using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Presale.Application.Storage;
using Presale.Domain.Security;
using Presale.Functions.Tests.Support;
using Presale.Testing;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// Signature checks on the real supplier webhook routes, through the whole app on Azurite: every way a delivery can be
/// refused answers 401 with a problem naming the signature header and leaves storage exactly as it was; a replay is
/// acknowledged as a duplicate without a change; the previous secret works during a rotation and not after it.
/// </summary>
public sealed class SupplierWebhookRouteSignatureTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "webhook-route-key";
    private const string Supplier = "acme";
    private const string Lot = "L1";
    private const string Sku = "KB-75";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, HttpStatusCode, string?> Cases()
    {
        var cases = new (string Case, HttpStatusCode Status, string? Code)[]
        {
            ("wrong-secret", HttpStatusCode.Unauthorized, "signature-mismatch"),
            ("tampered-body", HttpStatusCode.Unauthorized, "signature-mismatch"),
            ("expired-timestamp", HttpStatusCode.Unauthorized, "signature-expired"),
            ("future-timestamp", HttpStatusCode.Unauthorized, "signature-timestamp-in-future"),
            ("missing-header", HttpStatusCode.Unauthorized, "signature-missing"),
            ("garbled-header", HttpStatusCode.Unauthorized, "signature-malformed"),
            ("replayed-event", HttpStatusCode.OK, null),
            ("replayed-after-window", HttpStatusCode.Unauthorized, "signature-expired"),
            ("old-secret-during-rotation", HttpStatusCode.OK, null),
            ("old-secret-after-rotation", HttpStatusCode.Unauthorized, "signature-mismatch"),
        };
        var data = new TheoryData<string, string, HttpStatusCode, string?>();
        foreach (var route in new[] { "eta-updates", "receipts" })
        {
            foreach (var (name, status, code) in cases)
            {
                data.Add(route, name, status, code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Webhook_SignatureCase_AnswersItsStatusAndChangesNothingWhenRefused(string route, string @case, HttpStatusCode status, string? code)
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var lots = AzuriteFixture.UniqueName("lots");
        var supply = AzuriteFixture.UniqueName("supply");
        var suppliers = AzuriteFixture.UniqueName("suppliers");
        await using var app = new PresaleApp()
            .With("AzureWebJobsStorage", azurite.ConnectionString)
            .With("Presale:Host:FunctionKey", Key)
            .WithOwnTables()
            .With("Presale:Orders:SupplyTable", supply)
            .With("Presale:Orders:LotsTable", lots)
            .With("Presale:Suppliers:SuppliersTable", suppliers)
            .WithTime(time);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var store = app.Services.GetRequiredService<ITableStore>();

        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, $"/api/skus/{Sku}", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", $$$"""{"id":"{{{Supplier}}}","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var secret = await IssueSecretAsync(client);
        var eta = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SendAsync(client, HttpMethod.Post, $"/api/suppliers/{Supplier}/lots", $$"""{"lotId":"{{Lot}}","purchaseOrderReference":"PO-1","eta":"{{eta}}","lines":[{"sku":"{{Sku}}","quantity":10}]}""", HttpStatusCode.Created);

        var path = $"/api/suppliers/{Supplier}/{route}";
        var body = Body(route, "evt-" + @case, time.GetUtcNow());
        var bytes = Encoding.UTF8.GetBytes(body);
        string? header;
        switch (@case)
        {
            case "wrong-secret":
                header = WebhookSigner.Sign(bytes, time.GetUtcNow(), "whsec_not-the-suppliers-secret");
                break;
            case "tampered-body":
                header = WebhookSigner.Sign(bytes, time.GetUtcNow(), secret);
                body = body.Replace("\"evt-", "\"evx-", StringComparison.Ordinal);
                break;
            case "expired-timestamp":
                header = WebhookSigner.Sign(bytes, time.GetUtcNow() - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1), secret);
                break;
            case "future-timestamp":
                header = WebhookSigner.Sign(bytes, time.GetUtcNow() + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1), secret);
                break;
            case "missing-header":
                header = null;
                break;
            case "garbled-header":
                header = "t=" + time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ",v1=not-hex";
                break;
            case "replayed-event":
            case "replayed-after-window":
                // The supplier's delivery, applied once, then the captured request sent again verbatim.
                header = WebhookSigner.Sign(bytes, time.GetUtcNow(), secret);
                Assert.Equal("applied", (await PostAsync(client, path, body, header, HttpStatusCode.OK)).GetProperty("outcome").GetString());
                time.Advance(@case == "replayed-event" ? TimeSpan.FromMinutes(2) : TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
                break;
            case "old-secret-during-rotation":
            case "old-secret-after-rotation":
                time.Advance(TimeSpan.FromHours(1));
                Assert.NotEqual(secret, await IssueSecretAsync(client));
                time.Advance(@case == "old-secret-during-rotation" ? TimeSpan.FromHours(23) : TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
                body = Body(route, "evt-" + @case, time.GetUtcNow());
                header = WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), time.GetUtcNow(), secret);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(@case), @case, "Unknown case.");
        }

        var before = await SnapshotAsync(store, lots, supply, suppliers);
        var answer = await PostAsync(client, path, body, header, status, code);

        var after = await SnapshotAsync(store, lots, supply, suppliers);
        switch (@case)
        {
            case "old-secret-during-rotation":
                Assert.Equal("applied", answer.GetProperty("outcome").GetString());
                Assert.NotEqual(before, after);
                break;
            case "replayed-event":
                Assert.Equal("duplicate", answer.GetProperty("outcome").GetString());
                Assert.Equal(before, after);
                break;
            default:
                Assert.Equal(before, after);
                break;
        }
    }

    private static string Body(string route, string eventId, DateTimeOffset at) => route == "eta-updates"
        ? $$"""{"eventId":"{{eventId}}","supplierTimestamp":"{{at:O}}","lotId":"{{Lot}}","newEta":"{{DateOnly.FromDateTime(at.UtcDateTime).AddDays(40):yyyy-MM-dd}}","reason":"vessel delayed"}"""
        : $$"""{"eventId":"{{eventId}}","supplierTimestamp":"{{at:O}}","lotId":"{{Lot}}","lines":[{"sku":"{{Sku}}","quantity":3}]}""";

    private static async Task<string> IssueSecretAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri($"/api/suppliers/{Supplier}/webhook-secrets", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.GetProperty("secret").GetString()!;
    }

    /// <summary>Every row (key and version) the supplier's events could touch: its lots partition, the SKU's supply, its registry row.</summary>
    private static async Task<string> SnapshotAsync(ITableStore store, string lots, string supply, string suppliers)
    {
        var rows = new List<string>();
        foreach (var (table, partition) in new[] { (lots, Supplier), (supply, Sku), (suppliers, Supplier) })
        {
            await foreach (var row in store.QueryAllAsync(table, TableFilter.Partition(partition), 1000, Ct))
            {
                rows.Add($"{table}/{row.PartitionKey}/{row.RowKey}@{row.ETag}");
            }
        }

        return string.Join('\n', rows);
    }

    /// <summary>Posts a delivery; asserts the status and, for a refusal, the problem naming the signature header and its code.</summary>
    private static async Task<JsonElement> PostAsync(HttpClient client, string path, string body, string? header, HttpStatusCode expected, string? code = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, header);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"POST {path} ({header}): expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement.Clone();
        if (code is not null)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == WebhookSignature.HeaderName);
            Assert.Equal(401, root.GetProperty("status").GetInt32());
            Assert.Equal(code, root.GetProperty("code").GetString());
            Assert.Equal(WebhookSignature.HeaderName, root.GetProperty("header").GetString());
            Assert.Contains(WebhookSignature.HeaderName, root.GetProperty("detail").GetString() ?? string.Empty, StringComparison.Ordinal);
        }

        return root;
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
