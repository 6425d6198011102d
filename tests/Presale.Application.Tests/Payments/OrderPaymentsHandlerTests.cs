using System.Text.Json;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Payments;
using Presale.Application.Tests.Orders;
using Presale.Domain.Payments;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Payments;

/// <summary>
/// An order's schedule and payment outcomes on the in-memory twin: a 30 % deposit order of 2 × 19.99 = 39.98 asks
/// 11.99 at order (rounded down) and 27.99 when the line is ready to ship.
/// </summary>
public sealed class OrderPaymentsHandlerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheSchedule_AsksTheDepositAtOrder_AndTheBalanceOnThePromise()
    {
        var (h, payments, orderId) = await DepositOrderAsync();
        var promised = (await h.Get.GetAsync(orderId, Ct))!.Lines[0].PromiseDate!.Value;
        var today = (await h.Shops.GetAsync(Ct))!.LocalDate(h.Time.GetUtcNow());

        var view = (await payments.GetAsync(orderId, Ct))!;

        Assert.Equal((39.98m, 0m, 39.98m), (view.Total, view.Paid, view.Owed));
        Assert.Collection(
            view.Instalments,
            d => Assert.Equal(("1-deposit", "deposit", 11.99m, today, true), (d.Id, d.Kind, d.Amount, d.DueOn, d.Chargeable)),
            b => Assert.Equal(("1-balance", "balance", 27.99m, promised, false), (b.Id, b.Kind, b.Amount, b.DueOn, b.Chargeable)));
        Assert.True(promised > today);
    }

    [Fact]
    public async Task ACapture_IsRecorded_AndItsReplay_AnswersTheFirstAnswer_AndChangesNothing()
    {
        var (h, payments, orderId) = await DepositOrderAsync();
        var capture = Capture("pay-1", "1-deposit", 11.99m);

        var first = Assert.IsType<RecordPaymentResult.Recorded>(await payments.RecordAsync(orderId, capture, Ct));
        var row = await LedgerRowAsync(h, orderId);
        var replay = Assert.IsType<RecordPaymentResult.Recorded>(await payments.RecordAsync(orderId, capture with { Amount = 11.990m }, Ct));

        Assert.False(first.Replayed);
        Assert.True(replay.Replayed);
        Assert.Equal(JsonSerializer.Serialize(first.Outcome, PresaleJson.Options), JsonSerializer.Serialize(replay.Outcome, PresaleJson.Options));
        Assert.Equal(row, await LedgerRowAsync(h, orderId));
        var view = (await payments.GetAsync(orderId, Ct))!;
        Assert.Equal((11.99m, 27.99m), (view.Paid, view.Owed));
        Assert.Equal((11.99m, 0m), (view.Instalments[0].Captured, view.Instalments[0].Outstanding));
        Assert.Single(view.Outcomes);
    }

    [Fact]
    public async Task TheSamePaymentId_WithAnotherBody_IsAConflict_AndChangesNothing()
    {
        var (h, payments, orderId) = await DepositOrderAsync();
        Assert.IsType<RecordPaymentResult.Recorded>(await payments.RecordAsync(orderId, Capture("pay-1", "1-deposit", 11.99m), Ct));
        var row = await LedgerRowAsync(h, orderId);

        var conflict = Assert.IsType<RecordPaymentResult.Conflict>(await payments.RecordAsync(orderId, Capture("pay-1", "1-deposit", 5m), Ct));

        Assert.Equal(("payment-conflict", "paymentId"), (conflict.Slug, conflict.Field));
        Assert.Equal(row, await LedgerRowAsync(h, orderId));
    }

    [Theory]
    [InlineData("outcome", "refunded", "1-deposit", 11.99, "EUR", null)]
    [InlineData("amount", "captured", "1-deposit", 0, "EUR", null)]
    [InlineData("currency", "captured", "1-deposit", 11.99, "eur", null)]
    [InlineData("reasonCode", "failed", "1-deposit", 11.99, "EUR", null)]
    [InlineData("instalmentId", "captured", "3-balance", 11.99, "EUR", null)]
    [InlineData("currency", "captured", "1-deposit", 11.99, "USD", null)]
    [InlineData("amount", "captured", "1-deposit", 12.00, "EUR", null)]
    [InlineData("amount", "captured", "1-deposit", 1.001, "EUR", null)]
    [InlineData("reasonCode", "captured", "1-deposit", 11.99, "EUR", "card_declined")]
    public async Task ABadOutcome_IsRefusedNamingTheField_AndRecordsNothing(string field, string outcome, string instalment, double amount, string currency, string? reason)
    {
        var (h, payments, orderId) = await DepositOrderAsync();
        var request = new RecordPaymentRequest("pay-1", instalment, outcome, (decimal)amount, currency, reason, At, null);

        var invalid = Assert.IsType<RecordPaymentResult.Invalid>(await payments.RecordAsync(orderId, request, Ct));

        Assert.Equal([field], invalid.Errors.Keys);
        Assert.Null(await LedgerRowAsync(h, orderId));
    }

    [Fact]
    public async Task AnUnknownOrder_IsNotFound()
    {
        var (_, payments, _) = await DepositOrderAsync();

        Assert.IsType<RecordPaymentResult.NotFound>(await payments.RecordAsync("no-such-order", Capture("pay-1", "1-deposit", 11.99m), Ct));
        Assert.Null(await payments.GetAsync("no-such-order", Ct));
    }

    [Fact]
    public async Task AnAuthorisationLapsingBeforeTheBalanceFallsDue_IsFlagged_UntilTheBalanceIsCaptured()
    {
        var (_, payments, orderId) = await DepositOrderAsync();
        var expires = At.AddDays(7);
        var hold = new RecordPaymentRequest("auth-1", "1-balance", "authorised", 27.99m, "EUR", null, At, expires);

        Assert.IsType<RecordPaymentResult.Recorded>(await payments.RecordAsync(orderId, hold, Ct));
        Assert.Equal(expires, (await payments.GetAsync(orderId, Ct))!.Instalments[1].AuthorisationExpiresAt);

        Assert.IsType<RecordPaymentResult.Recorded>(await payments.RecordAsync(orderId, Capture("pay-2", "1-balance", 27.99m), Ct));
        var view = (await payments.GetAsync(orderId, Ct))!;
        Assert.Null(view.Instalments[1].AuthorisationExpiresAt);
        Assert.Equal((27.99m, 11.99m), (view.Paid, view.Owed));
    }

    [Fact]
    public async Task AFailedCharge_IsCountedOnItsInstalment_AndOwesAsBefore()
    {
        var (_, payments, orderId) = await DepositOrderAsync();

        var failed = new RecordPaymentRequest("pay-f", "1-deposit", "failed", 11.99m, "EUR", "card_expired", At, null);
        Assert.IsType<RecordPaymentResult.Recorded>(await payments.RecordAsync(orderId, failed, Ct));

        var view = (await payments.GetAsync(orderId, Ct))!;
        Assert.Equal((1, 11.99m), (view.Instalments[0].FailedAttempts, view.Instalments[0].Outstanding));
        Assert.Equal("card_expired", Assert.Single(view.Outcomes).ReasonCode);
    }

    [Fact]
    public async Task ARejectedOrder_TakesNoPayments_AndHasNoInstalments()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 1);
        var payments = Handler(h);
        var shortOrder = Assert.IsType<PlaceOrderResult.Short>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));

        var refused = Assert.IsType<RecordPaymentResult.Conflict>(await payments.RecordAsync(shortOrder.OrderId, Capture("pay-1", "1-full", 39.98m), Ct));

        Assert.Equal("order-not-payable", refused.Slug);
        Assert.Empty((await payments.GetAsync(shortOrder.OrderId, Ct))!.Instalments);
    }

    internal static RecordPaymentRequest Capture(string paymentId, string instalmentId, decimal amount) =>
        new(paymentId, instalmentId, "captured", amount, "EUR", null, At, null);

    internal static async Task<(OrderingHarness Harness, OrderPaymentsHandler Payments, string OrderId)> DepositOrderAsync(OrderingHarness? harness = null, string paymentsTable = "tpayments")
    {
        var h = harness ?? new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 0, lot: ("L1", 10, 10));
        var placed = Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));
        return (h, Handler(h, paymentsTable), placed.Order.OrderId);
    }

    private static OrderPaymentsHandler Handler(OrderingHarness h, string paymentsTable = "tpayments")
    {
        var options = new PaymentsOptions { DefaultPlan = PaymentPlanKind.Deposit, DepositPercent = 30m, PaymentsTable = paymentsTable };
        return new OrderPaymentsHandler(h.Orders, h.Shops, new PaymentLedgerStore(h.Store, options), options, new RecordPaymentRequestValidator(), new RandomSource(new Random(3)));
    }

    private static async Task<string?> LedgerRowAsync(OrderingHarness h, string orderId)
    {
        await h.Store.CreateTableIfNotExistsAsync("tpayments", Ct);
        return await h.Store.GetAsync("tpayments", "order-" + orderId, "ledger", Ct) is { } row ? row.GetString("Outcomes") + "|" + row.ETag.Value : null;
    }
}
