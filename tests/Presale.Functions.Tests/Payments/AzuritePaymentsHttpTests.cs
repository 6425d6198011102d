using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Presale.Functions.Tests.Support;
using Presale.Testing;
using static Presale.Functions.Tests.Support.JsonCalls;

namespace Presale.Functions.Tests.Payments;

/// <summary>
/// Payments end to end through the real app in standalone mode on Azurite: a deposit order (30 % of 2 × 10.50: 6.30 at
/// order, 14.70 when ready to ship), the deposit captured, a signed supplier ETA slip that moves the line's estimate and
/// with it the balance's due day, a receipt that makes the balance chargeable and hands the event topic one
/// <c>payment.due</c> for it, the balance captured; bad, conflicting and replayed outcomes answered with problem details
/// (or the first answer) and changing nothing.
/// </summary>
public sealed class AzuritePaymentsHttpTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Key = "payments-http-key";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DepositOrder_DepositCaptured_SlipMovesTheBalance_ReceiptMakesItDue_BalanceCaptured()
    {
        // The real publisher and mapping; only the Service Bus client is the SDK's test double (no namespace is reachable here).
        var bus = new FakeServiceBusClient();
        await using var app = CreateApp()
            .With("Presale:Payments:UpdatePaymentUrlTemplate", "https://shop.example/orders/{orderId}/payment")
            .WithEventsOn(bus);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-functions-key", Key);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await SendAsync(client, HttpMethod.Put, "/api/shop", """{"timeZone":"UTC","currency":"EUR","defaultHandlingDays":2,"locale":"en"}""", HttpStatusCode.OK);
        await SendAsync(client, HttpMethod.Put, "/api/skus/PAY-1", """{"preSaleEnabled":true,"cap":0,"maxPerOrder":5}""", HttpStatusCode.Created);
        await SendAsync(client, HttpMethod.Post, "/api/suppliers", """{"id":"acme","name":"Acme","contact":{"email":"ops@acme.example"}}""", HttpStatusCode.Created);
        var secret = (await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/webhook-secrets", null, HttpStatusCode.Created))["secret"]!.GetValue<string>();
        await SendAsync(client, HttpMethod.Post, "/api/suppliers/acme/lots", $$"""{"lotId":"LP","purchaseOrderReference":"PO-P","eta":"{{Day(today.AddDays(10))}}","lines":[{"sku":"PAY-1","quantity":10}]}""", HttpStatusCode.Created);
        var order = (await SendAsync(client, HttpMethod.Post, "/api/orders", """{"customerId":"cust-p","tier":"gold","notificationContact":{"email":"cust-p@example.com"},"lines":[{"sku":"PAY-1","quantity":2,"unitPrice":10.50}],"currency":"EUR","acceptPreSaleTerms":true}""", HttpStatusCode.Created, "pay-order"))["orderId"]!.GetValue<string>();
        await TrackedAsync(client, order, "onTrack");

        var placed = await PaymentsAsync(client, order);
        Assert.Equal((21.00m, 0m, 21.00m), (Dec(placed, "total"), Dec(placed, "paid"), Dec(placed, "owed")));
        Assert.Equal(("1-deposit", 6.30m, Day(today), true), Instalment(placed, 0));
        Assert.Equal(("1-balance", 14.70m, Day(today.AddDays(12)), false), Instalment(placed, 1));

        var deposit = Outcome("pay-dep", "1-deposit", "captured", 6.30m);
        var recorded = await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", deposit, HttpStatusCode.Created);
        var afterDeposit = (await PaymentsAsync(client, order)).ToJsonString();

        // A replay answers the first answer; the same id with another body, bad input and an unknown order are problems; none changes anything.
        Assert.Equal(recorded.ToJsonString(), (await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", deposit, HttpStatusCode.OK)).ToJsonString());
        var conflict = await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", Outcome("pay-dep", "1-deposit", "captured", 6.00m), HttpStatusCode.Conflict);
        Assert.Equal(("urn:presale:problem:payment-conflict", "paymentId"), (conflict["type"]!.GetValue<string>(), conflict["field"]!.GetValue<string>()));
        Assert.Equal(["amount"], Errors(await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", Outcome("pay-2", "1-balance", "captured", 15.00m), HttpStatusCode.BadRequest)));
        Assert.Equal(["instalmentId"], Errors(await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", Outcome("pay-3", "2-balance", "captured", 1m), HttpStatusCode.BadRequest)));
        Assert.Equal(["outcome"], Errors(await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", Outcome("pay-4", "1-balance", "refunded", 1m), HttpStatusCode.BadRequest)));
        Assert.Equal(["reasonCode"], Errors(await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", Outcome("pay-5", "1-balance", "failed", 14.70m), HttpStatusCode.BadRequest)));
        await SendAsync(client, HttpMethod.Post, "/api/orders/no-such-order/payments", Outcome("pay-6", "1-balance", "captured", 1m), HttpStatusCode.NotFound);
        Assert.Equal(afterDeposit, (await PaymentsAsync(client, order)).ToJsonString());
        Assert.Equal((6.30m, 14.70m), (Dec(JsonNode.Parse(afterDeposit)!.AsObject(), "paid"), Dec(JsonNode.Parse(afterDeposit)!.AsObject(), "owed")));

        // The supplier's lot slips ten days: the line's estimate moves, and the balance's due day with it.
        var slip = $$"""{"eventId":"eta-p","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"LP","newEta":"{{Day(today.AddDays(20))}}","reason":"vessel delayed"}""";
        Assert.Equal("applied", (await PostSignedAsync(client, "/api/suppliers/acme/eta-updates", slip, secret))["outcome"]!.GetValue<string>());
        var slipped = await TrackedAsync(client, order, "atRisk");
        Assert.Equal(Day(today.AddDays(22)), slipped["estimate"]!.GetValue<string>());
        Assert.Equal(("1-balance", 14.70m, Day(today.AddDays(22)), false), Instalment(await PaymentsAsync(client, order), 1));
        Assert.Empty(PaymentsDue(bus));

        // The goods arrive: the line is ready to ship and the balance can be charged.
        var receipt = $$"""{"eventId":"rcv-p","supplierTimestamp":"{{TimeProvider.System.GetUtcNow():O}}","lotId":"LP","lines":[{"sku":"PAY-1","quantity":10}]}""";
        Assert.Equal("applied", (await PostSignedAsync(client, "/api/suppliers/acme/receipts", receipt, secret))["outcome"]!.GetValue<string>());
        await TrackedAsync(client, order, "readyToShip");
        var due = await PaymentsAsync(client, order);
        Assert.True(due["instalments"]![1]!["chargeable"]!.GetValue<bool>());
        var dueOn = due["instalments"]![1]!["dueOn"]!.GetValue<string>();

        // The payment system is told once to charge the balance: 14.70 EUR on the day the route shows.
        var message = Assert.Single(await PaymentsDueAsync(bus));
        Assert.Equal($"payment-due:{order}:1-balance:{dueOn}", message.MessageId);
        Assert.Equal((order, "cust-p", order, "PAY-1"), (message.CorrelationId, (string)message.ApplicationProperties["customerId"], (string)message.ApplicationProperties["orderId"], (string)message.ApplicationProperties["sku"]));
        var data = JsonNode.Parse(message.Body.ToString())!["data"]!;
        Assert.Equal(
            ("1-balance", "balance", 14.70m, "EUR", dueOn, $"https://shop.example/orders/{order}/payment"),
            (data["instalmentId"]!.GetValue<string>(), data["kind"]!.GetValue<string>(), data["amount"]!["amount"]!.GetValue<decimal>(),
                data["amount"]!["currency"]!.GetValue<string>(), data["dueOn"]!.GetValue<string>(), data["updatePaymentUrl"]!.GetValue<string>()));

        await SendAsync(client, HttpMethod.Post, $"/api/orders/{order}/payments", Outcome("pay-bal", "1-balance", "captured", 14.70m), HttpStatusCode.Created);
        var paid = await PaymentsAsync(client, order);
        Assert.Equal((21.00m, 0m), (Dec(paid, "paid"), Dec(paid, "owed")));
        Assert.Equal(["pay-dep", "pay-bal"], paid["outcomes"]!.AsArray().Select(o => o!["paymentId"]!.GetValue<string>()));

        // The receipt replayed and the reconcile run again announce nothing more.
        Assert.Equal("duplicate", (await PostSignedAsync(client, "/api/suppliers/acme/receipts", receipt, secret))["outcome"]!.GetValue<string>());
        await TrackedAsync(client, order, "readyToShip");
        Assert.Single(PaymentsDue(bus));
    }

    private static List<ServiceBusMessage> PaymentsDue(FakeServiceBusClient bus) => [.. bus.Sent.Where(m => m.Subject == "payment.due")];

    /// <summary>The <c>payment.due</c> messages sent, once there is one (published right after the order's commit).</summary>
    private static async Task<List<ServiceBusMessage>> PaymentsDueAsync(FakeServiceBusClient bus)
    {
        var until = TimeProvider.System.GetUtcNow() + Deadline;
        while (PaymentsDue(bus) is { Count: 0 })
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, $"No payment.due within {Deadline}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
        }

        return PaymentsDue(bus);
    }

    private PresaleApp CreateApp()
    {
        return PresaleApp.WithTriggersOnAzurite(azurite.ConnectionString, Key)
            .With("Presale:Payments:DefaultPlan", "Deposit")
            .With("Presale:Payments:DepositPercent", "30");
    }

    private static string Outcome(string paymentId, string instalmentId, string outcome, decimal amount) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"paymentId":"{{paymentId}}","instalmentId":"{{instalmentId}}","outcome":"{{outcome}}","amount":{{amount}},"currency":"EUR","occurredAt":"2026-03-02T09:30:00Z"}""");

    private static Task<JsonObject> PaymentsAsync(HttpClient client, string orderId) =>
        SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}/payments", null, HttpStatusCode.OK);

    private static async Task<JsonNode> TrackedAsync(HttpClient client, string orderId, string status)
    {
        var order = await EventuallyAsync(
            () => SendAsync(client, HttpMethod.Get, $"/api/orders/{orderId}", null, HttpStatusCode.OK),
            o => o["lines"]![0]!["tracking"]?["status"]?.GetValue<string>() == status,
            Deadline);
        return order["lines"]![0]!["tracking"]!;
    }

    private static (string Id, decimal Amount, string DueOn, bool Chargeable) Instalment(JsonObject payments, int index)
    {
        var i = payments["instalments"]![index]!;
        return (i["id"]!.GetValue<string>(), i["amount"]!.GetValue<decimal>(), i["dueOn"]!.GetValue<string>(), i["chargeable"]!.GetValue<bool>());
    }

    private static decimal Dec(JsonObject node, string name) => node[name]!.GetValue<decimal>();

    private static IEnumerable<string> Errors(JsonObject problem) => problem["errors"]!.AsObject().Select(e => e.Key);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
