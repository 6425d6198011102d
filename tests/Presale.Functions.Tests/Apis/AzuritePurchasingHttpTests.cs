using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Presale.Application.IntegrationEvents;
using Presale.Domain.Security;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Apis;

/// <summary>
/// Purchasing end to end over HTTP: the real app in standalone mode on Azurite (its own tables and queues, reconcile
/// through the queue pump), the clock moved by the test, and the integration events handed to the Service Bus sender
/// double. Demand beyond supply → the replenishment work list → a purchase order → forged, tampered, expired, signed,
/// replayed and out-of-order acknowledgements → the lot → the waiting orders re-planned → signed receipts → the month's
/// statement, checked against the figures computed by hand below, and the same bytes on every later request.
/// </summary>
public sealed class AzuritePurchasingHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "purchasing-e2e-key";
    private const string Lot = "PO-2026-001-L1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Hand-computed: 300 units of CHIP-1 at 2.4567 EUR requested for 15 March (on time 13–15 March: 2 days early, 0
    /// late, by the requested date); the supplier commits to the 16th; 120 received on the 14th, 180 on the 16th.
    /// <list type="bullet">
    /// <item>goods: round(300 × 2.4567) = round(737.0100) = 737.01</item>
    /// <item>late units (3 %): round(180 × 2.4567 × 0.03) = round(13.26618) = −13.27</item>
    /// <item>grade A (four lots, each received in full by its first ETA): rebate 2 % of the goods = round(14.7402) = 14.74;
    /// the volume tier (from 10,000) is not reached</item>
    /// <item>payable 737.01 − 13.27 + 14.74 = 738.48, due net 30 from the first receipt (14 March): 13 April</item>
    /// </list>
    /// </summary>
    [Fact]
    public async Task DemandBeyondSupply_ToPurchaseOrder_SignedAcknowledgement_Replan_Receipts_AndAStatementThatNeverChanges()
    {
        var time = ShiftedTimeProvider.StartingAt(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var bus = new FakeServiceBusClient();
        await using var app = CreateApp(time, bus);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);

        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"de-DE"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/CHIP-1", """{"preSaleEnabled":true,"cap":300,"maxPerOrder":1000,"capLeadDays":10}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Put, "/api/skus/OLD-1", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":100}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme Chips","contact":{"email":"ops@acme.example"},"defaultLeadTimeDays":20}""", HttpStatusCode.Created);
        var secret = (await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();

        // acme's record: three lots known on 2 March and received in full on the 5th (real lead time 3 days, grade A).
        for (var i = 1; i <= 3; i++)
        {
            await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"H{{i}}","purchaseOrderReference":"PO-H{{i}}","eta":"2026-03-05","lines":[{"sku":"OLD-1","quantity":10}]}""", HttpStatusCode.Created);
        }

        time.MoveTo(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal("applied", (await SignedAsync(client, time, "/api/suppliers/acme/receipts", Receipt($"h-{i}", $"H{i}", "OLD-1", 10, time), secret, HttpStatusCode.OK))["outcome"]!.GetValue<string>());
        }

        var terms = """
            {"currency":"EUR","paymentTerms":{"netDays":30,"basis":"receipt"},"onTimeWindow":{"daysEarly":2,"daysLate":0,"reference":"requestedDate"},
             "chargebacks":{"lateUnits":0.03,"shortUnits":0.05,"cancelledLine":0.10},"rebates":{"byGrade":{"A":0.02},"volumeTiers":[{"fromAmount":10000,"rate":0.01}]},
             "catalogue":[{"sku":"CHIP-1","unitCost":2.4567}]}
            """;
        await SendAsync(client, HttpMethod.Put, "/api/suppliers/acme/terms", terms, HttpStatusCode.Created);
        Assert.Equal("2026-03-05", (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/terms", null, HttpStatusCode.OK))["effectiveFrom"]!.GetValue<string>());

        // Demand beyond supply: 300 units pre-sold against the cap (10 days out), nothing on hand or inbound.
        string[] orders = [await PlaceAsync(client, "c-1"), await PlaceAsync(client, "c-2"), await PlaceAsync(client, "c-3")];
        foreach (var id in orders)
        {
            Assert.Equal("2026-03-17", (await TrackingAsync(client, id, t => t?["status"]?.GetValue<string>() == "onTrack"))!["estimate"]!.GetValue<string>());
        }

        // The work list: CHIP-1 needs 300 units by the 15th (promise less 2 handling days); acme's 3-day lead time keeps it.
        var worklist = await SendAsync(client, HttpMethod.Get, "/api/replenishment/suggestions", null, HttpStatusCode.OK);
        var item = Assert.Single(worklist["items"]!.AsArray(), i => i!["sku"]!.GetValue<string>() == "CHIP-1")!;
        var assessment = item["assessment"]!;
        var suggestion = assessment["suggestion"]!;
        var chosen = suggestion["chosen"]!;
        Assert.Equal((300, "2026-03-15"), (assessment["uncovered"]!.GetValue<int>(), assessment["needBy"]!.GetValue<string>()));
        Assert.Equal(("acme", 300, 3, 2.4567m), (chosen["supplierId"]!.GetValue<string>(), chosen["quantity"]!.GetValue<int>(), chosen["leadTimeDays"]!.GetValue<int>(), chosen["unitCost"]!["amount"]!.GetValue<decimal>()));

        // The purchase order the suggestion proposes, requested for the day the goods are needed.
        var purchaseOrder = $$"""
            {"purchaseOrderId":"PO-2026-001","supplierId":"acme","currency":"EUR","lines":[{"sku":"CHIP-1","quantity":{{chosen["quantity"]}},"unitCost":{{chosen["unitCost"]!["amount"]}}}],
             "requestedDeliveryDate":"{{suggestion["needBy"]!.GetValue<string>()}}","suggestionId":"{{suggestion["suggestionId"]!.GetValue<string>()}}"}
            """;
        var placed = await SendAsync(client, HttpMethod.Post, "/api/purchase-orders", purchaseOrder, HttpStatusCode.Created);
        Assert.Equal(("awaitingAcknowledgement", "2026-03-15", "suggestion"), (placed["status"]!.GetValue<string>(), placed["requestedDeliveryDate"]!.GetValue<string>(), placed["origin"]!.GetValue<string>()));
        await SendAsync(client, HttpMethod.Post, "/api/purchase-orders", purchaseOrder, HttpStatusCode.OK);
        Assert.Single((await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/purchase-orders", null, HttpStatusCode.OK, array: true))["items"]!.AsArray());
        var unanswered = (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/purchase-orders/PO-2026-001", null, HttpStatusCode.OK)).ToJsonString();

        // Acknowledgements that must change nothing: forged, tampered with, signed too long ago.
        const string Path = "/api/suppliers/acme/purchase-orders/PO-2026-001/acknowledgements";
        var signedAt = time.GetUtcNow();
        var acknowledgement = $$"""{"eventId":"ack-2","supplierTimestamp":"{{signedAt:O}}","accepted":[{"lineNumber":1,"quantity":300,"eta":"2026-03-16"}]}""";
        Assert.Equal("urn:presale:problem:signature-mismatch", (await SignedAsync(client, time, Path, acknowledgement, "forged-secret-of-someone-else", HttpStatusCode.Unauthorized))["type"]!.GetValue<string>());
        await SignedAsync(client, time, Path, acknowledgement, secret, HttpStatusCode.Unauthorized, tamper: body => body.Replace("\"quantity\":300", "\"quantity\":30", StringComparison.Ordinal));
        await SignedAsync(client, time, Path, acknowledgement, secret, HttpStatusCode.Unauthorized, signedAt: signedAt.AddMinutes(-10));
        Assert.Equal(unanswered, (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/purchase-orders/PO-2026-001", null, HttpStatusCode.OK)).ToJsonString());
        await SendAsync(client, HttpMethod.Get, $"/api/suppliers/acme/lots/{Lot}", null, HttpStatusCode.NotFound);

        // Signed: all 300 for the 16th, a day after the requested date. The line becomes lot PO-2026-001-L1.
        var (header, applied) = await SignedWithHeaderAsync(client, time, Path, acknowledgement, secret, HttpStatusCode.OK);
        Assert.Equal(("applied", "acknowledged"), (applied["outcome"]!.GetValue<string>(), applied["purchaseOrder"]!["status"]!.GetValue<string>()));
        var lot = await SendAsync(client, HttpMethod.Get, $"/api/suppliers/acme/lots/{Lot}", null, HttpStatusCode.OK);
        Assert.Equal(("2026-03-16", 300), (lot["eta"]!.GetValue<string>(), lot["lines"]![0]!["quantity"]!.GetValue<int>()));
        var acknowledged = (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/purchase-orders/PO-2026-001", null, HttpStatusCode.OK)).ToJsonString();

        // The same request again (replayed inside the window), and an older acknowledgement arriving late: 200, nothing changes.
        Assert.Equal("duplicate", (await SendRawAsync(client, Path, acknowledgement, header, HttpStatusCode.OK))["outcome"]!.GetValue<string>());
        var older = $$"""{"eventId":"ack-1","supplierTimestamp":"{{signedAt.AddHours(-1):O}}","accepted":[{"lineNumber":1,"quantity":200,"eta":"2026-03-25"}]}""";
        Assert.Equal("stale", (await SignedAsync(client, time, Path, older, secret, HttpStatusCode.OK))["outcome"]!.GetValue<string>());
        Assert.Equal(acknowledged, (await SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/purchase-orders/PO-2026-001", null, HttpStatusCode.OK)).ToJsonString());
        Assert.Equal(("2026-03-16", 300), await LotAsync(client));

        // The waiting orders are re-planned onto the lot: their date moves from the cap's 17th to the lot's 16th plus 2 handling days.
        foreach (var id in orders)
        {
            var tracking = await TrackingAsync(client, id, t => t?["estimate"]?.GetValue<string>() == "2026-03-18");
            Assert.Equal("atRisk", tracking!["status"]!.GetValue<string>());
        }

        // The supplier's demand view: the three orders wait on the lot (written by the reconcile after the orders).
        await EventuallyAsync(
            () => SendAsync(client, HttpMethod.Get, "/api/suppliers/acme/lots", null, HttpStatusCode.OK, array: true),
            lots => lots["items"]!.AsArray().Single(l => l!["lotId"]!.GetValue<string>() == Lot)!["peggedOrders"]!.GetValue<int>() == 3,
            Deadline);

        // Receipts: 120 on the 14th (on time), 180 on the 16th (a day after the window, on the committed ETA).
        time.MoveTo(new DateTimeOffset(2026, 3, 14, 10, 0, 0, TimeSpan.Zero));
        await SignedAsync(client, time, "/api/suppliers/acme/receipts", Receipt("rcv-1", Lot, "CHIP-1", 120, time), secret, HttpStatusCode.OK);
        time.MoveTo(new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero));
        await SignedAsync(client, time, "/api/suppliers/acme/receipts", Receipt("rcv-2", Lot, "CHIP-1", 180, time), secret, HttpStatusCode.OK);
        await TrackingAsync(client, orders[2], t => t?["status"]?.GetValue<string>() == "readyToShip");

        // March closes two hours after its end (Berlin midnight); the statement timer closes it.
        time.MoveTo(new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero));
        await FunctionRuns.SucceedsAsync(app.Services, "CloseSupplierStatements");
        var json = await StatementAsync(client, "application/json");
        var statement = JsonNode.Parse(json)!;
        Assert.Equal("closed", statement["status"]!.GetValue<string>());
        var body = statement["statement"]!;
        Assert.Equal(
            [("goods", 300, 737.01m), ("lateUnits", 180, -13.27m), ("gradeRebate", 0, 14.74m)],
            body["items"]!.AsArray().Select(i => (i!["rule"]!.GetValue<string>(), i["units"]!.GetValue<int>(), i["amount"]!["amount"]!.GetValue<decimal>())));
        var totals = body["totals"]!;
        Assert.Equal((737.01m, -13.27m, 0m, 14.74m, 738.48m), (Amount(totals["goods"]), Amount(totals["chargebacks"]), Amount(totals["returnCredits"]), Amount(totals["rebates"]), Amount(totals["payable"])));
        Assert.Equal(("a", "2026-04-13"), (body["grade"]!.GetValue<string>(), body["dueDate"]!.GetValue<string>()));
        var csv = await StatementAsync(client, "text/csv");
        Assert.Contains(",total,payable,,,,,,,,,738.48,EUR,", csv, StringComparison.Ordinal);

        // Closed means closed: later runs and later requests answer the same bytes, JSON and CSV.
        time.Shift(TimeSpan.FromDays(3));
        await FunctionRuns.SucceedsAsync(app.Services, "CloseSupplierStatements");
        Assert.Equal(json, await StatementAsync(client, "application/json"));
        Assert.Equal(csv, await StatementAsync(client, "text/csv"));

        // Each committed change published its event once; the refused, duplicate and stale acknowledgements none.
        Assert.Equal(["po-created:acme:PO-2026-001"], bus.Sent.Where(m => m.Subject == IntegrationEventTypes.PurchaseOrderCreated).Select(m => m.MessageId));
        Assert.Equal(["po-acknowledged:acme:PO-2026-001:ack-2"], bus.Sent.Where(m => m.Subject == IntegrationEventTypes.PurchaseOrderAcknowledged).Select(m => m.MessageId));
        var closed = Assert.Single(bus.Sent, m => m.Subject == IntegrationEventTypes.SupplierStatementClosed);
        Assert.Equal(("statement-closed:acme:2026-03", "acme"), (closed.MessageId, (string)closed.ApplicationProperties["supplierId"]));
        Assert.Equal(738.48m, Amount(JsonNode.Parse(closed.Body.ToString())!["data"]!["payable"]));
    }

    [Fact]
    public async Task APurchaseOrderPlacedWhileTheTopicIsDown_IsPublishedOnceByTheSweep()
    {
        var time = ShiftedTimeProvider.StartingAt(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var bus = new FakeServiceBusClient();
        await using var app = CreateApp(time, bus);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"de-DE"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/CHIP-1", """{"preSaleEnabled":true,"cap":10,"maxPerOrder":10}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme Chips","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Put, "/api/suppliers/acme/terms", """{"currency":"EUR","paymentTerms":{"netDays":30,"basis":"invoice"},"onTimeWindow":{"daysEarly":0,"daysLate":0,"reference":"requestedDate"},"chargebacks":{"lateUnits":0,"shortUnits":0,"cancelledLine":0},"catalogue":[{"sku":"CHIP-1","unitCost":1.5}]}""", HttpStatusCode.Created);
        bus.FailWith = new InvalidOperationException("The events topic is unreachable.");

        await SendAsync(client, HttpMethod.Post, "/api/purchase-orders", """{"purchaseOrderId":"PO-9","supplierId":"acme","lines":[{"sku":"CHIP-1","quantity":10}],"requestedDeliveryDate":"2026-03-20"}""", HttpStatusCode.Created);

        Assert.Empty(bus.Sent);
        bus.FailWith = null;
        time.Shift(TimeSpan.FromMinutes(1)); // past the sweep's grace and the publisher's break after the failure
        await FunctionRuns.SucceedsAsync(app.Services, "SweepPurchaseOrders");
        await FunctionRuns.SucceedsAsync(app.Services, "SweepPurchaseOrders");

        var sent = Assert.Single(bus.Sent);
        Assert.Equal((IntegrationEventTypes.PurchaseOrderCreated, "po-created:acme:PO-9", "PO-9"), (sent.Subject, sent.MessageId, (string)sent.ApplicationProperties["purchaseOrderId"]));
    }

    private static decimal Amount(JsonNode? money) => money!["amount"]!.GetValue<decimal>();

    private static string Receipt(string eventId, string lotId, string sku, int quantity, TimeProvider time) =>
        $$"""{"eventId":"{{eventId}}","supplierTimestamp":"{{time.GetUtcNow():O}}","lotId":"{{lotId}}","lines":[{"sku":"{{sku}}","quantity":{{quantity}}}]}""";

    private static async Task<(string Eta, int Quantity)> LotAsync(HttpClient client)
    {
        var lot = await SendAsync(client, HttpMethod.Get, $"/api/suppliers/acme/lots/{Lot}", null, HttpStatusCode.OK);
        return (lot["eta"]!.GetValue<string>(), lot["lines"]![0]!["quantity"]!.GetValue<int>());
    }

    private static async Task<string> PlaceAsync(HttpClient client, string customer)
    {
        var body = $$"""{"customerId":"{{customer}}","tier":"gold","notificationContact":{"email":"{{customer}}@example.com"},"lines":[{"sku":"CHIP-1","quantity":100,"unitPrice":10.50}],"currency":"EUR","acceptPreSaleTerms":true}""";
        return (await SendAsync(client, HttpMethod.Post, "/api/orders", body, HttpStatusCode.Created, idempotencyKey: Guid.NewGuid().ToString("N")))["orderId"]!.GetValue<string>();
    }

    private static async Task<JsonNode?> TrackingAsync(HttpClient client, string orderId, Func<JsonNode?, bool> done)
    {
        var order = await EventuallyAsync(() => SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK), o => done(o["lines"]![0]!["tracking"]), Deadline);
        return order["lines"]![0]!["tracking"];
    }

    private static async Task<string> StatementAsync(HttpClient client, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/suppliers/acme/statements/2026-03");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    /// <summary>Posts <paramref name="body"/> as the supplier signs it (with the app's clock, or at <paramref name="signedAt"/>), optionally altered after signing.</summary>
    private static async Task<JsonObject> SignedAsync(
        HttpClient client, TimeProvider time, string path, string body, string secret, HttpStatusCode expected, DateTimeOffset? signedAt = null, Func<string, string>? tamper = null) =>
        (await SignedWithHeaderAsync(client, time, path, body, secret, expected, signedAt, tamper)).Answer;

    private static async Task<(string Header, JsonObject Answer)> SignedWithHeaderAsync(
        HttpClient client, TimeProvider time, string path, string body, string secret, HttpStatusCode expected, DateTimeOffset? signedAt = null, Func<string, string>? tamper = null)
    {
        var header = WebhookSigner.Sign(Encoding.UTF8.GetBytes(body), signedAt ?? time.GetUtcNow(), secret);
        return (header, await SendRawAsync(client, path, tamper?.Invoke(body) ?? body, header, expected));
    }

    private static async Task<JsonObject> SendRawAsync(HttpClient client, string path, string body, string signature, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The app in standalone mode on Azurite with its own tables and queues, the test's clock, and the events topic on the sender double.</summary>
    private PresaleApp CreateApp(ShiftedTimeProvider time, FakeServiceBusClient bus)
    {
        return PresaleApp.WithTriggersOnAzurite(azurite.ConnectionString, Key)
            .WithTime(time)
            .WithEventsOn(bus, time);
    }
}
