using Microsoft.Extensions.Logging.Abstractions;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Supply;
using Presale.Application.Tests.Orders;

namespace Presale.Application.Tests.Reconciliation;

public sealed class SupplierPromiseBufferTests
{
    /// <summary>Supplier acme has delivered five lots (of another SKU), each three days after its first ETA; then lot NEXT of SKU KB-75 is due in 10 days.</summary>
    private static async Task<ReconciliationHarness> LateSupplierAsync(ReconciliationOptions? options = null)
    {
        var h = new ReconciliationHarness(options: options);
        await h.Ordering.ConfigureShopAsync(timeZone: "UTC");
        await h.Ordering.CreateSkuAsync("KB-75", 0);
        await h.Ordering.CreateSkuAsync("OLD-1", 0);
        for (var i = 0; i < 5; i++)
        {
            var registered = await h.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest($"OLD-{i}", "PO", h.Today.AddDays(1), [new LotLineRequest("OLD-1", 1)]), ReconciliationHarness.Ct);
            Assert.IsType<LotRegistrationResult.Registered>(registered);
            h.Ordering.Time.Advance(TimeSpan.FromDays(4));
            Assert.IsType<Application.Suppliers.SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync($"r-{i}", $"OLD-{i}", h.Ordering.Time.GetUtcNow(), ("OLD-1", 1)));
        }

        Assert.IsType<LotRegistrationResult.Registered>(await h.Ordering.Lots.RegisterAsync("acme", new RegisterLotRequest("NEXT", "PO", h.Today.AddDays(10), [new LotLineRequest("KB-75", 10)]), ReconciliationHarness.Ct));
        return h;
    }

    private static QuoteHandler Quotes(ReconciliationHarness h, ReconciliationOptions options) =>
        new(h.Ordering.Supply, h.Ordering.Shops, new QuoteRequestValidator(h.Ordering.Options), h.Ordering.Time, new SupplierPromiseBuffers(h.LotsQuery, options, h.Ordering.Time));

    [Fact]
    public async Task Quote_ForLotOfLateSupplier_AddsItsSlipAndExplainsIt()
    {
        var options = new ReconciliationOptions();
        var h = await LateSupplierAsync(options);

        var quoted = Assert.IsType<QuoteResult.Quoted>(await Quotes(h, options).QuoteAsync(new QuoteRequest([new QuoteLineRequest("KB-75", 2)]), ReconciliationHarness.Ct));

        var line = Assert.Single(quoted.Quote.Lines);
        Assert.Equal(h.Today.AddDays(10 + 2 + 3), line.PromiseDate);
        Assert.Equal(3, line.Buffer!.Days);
        Assert.Contains("supplier acme", line.Buffer.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_WithBuffersOff_PromisesTheLotDate()
    {
        var options = new ReconciliationOptions { SupplierBufferEnabled = false };
        var h = await LateSupplierAsync(options);

        var quoted = Assert.IsType<QuoteResult.Quoted>(await Quotes(h, options).QuoteAsync(new QuoteRequest([new QuoteLineRequest("KB-75", 2)]), ReconciliationHarness.Ct));

        Assert.Equal(h.Today.AddDays(12), quoted.Quote.Lines[0].PromiseDate);
        Assert.Null(quoted.Quote.Lines[0].Buffer);
    }

    [Fact]
    public async Task Place_ForLotOfLateSupplier_PromisesWithTheBufferAndStaysOnTrackThroughASmallerSlip()
    {
        var options = new ReconciliationOptions();
        var h = await LateSupplierAsync(options);
        var o = h.Ordering;
        var place = new PlaceOrderHandler(o.Orders, o.Supply, new ReservationService(o.Supply, new RandomSource(new Random(3)), o.Time, new SupplierPromiseBuffers(h.LotsQuery, options, o.Time)), o.Saga, o.Outbox, o.Shops, new PlaceOrderRequestValidator(o.Options), o.Options, o.Notifications, o.Time, NullLogger<PlaceOrderHandler>.Instance);

        var placed = Assert.IsType<PlaceOrderResult.Placed>(await place.PlaceAsync("k-1", OrderingHarness.Order(("KB-75", 1)), ReconciliationHarness.Ct));
        Assert.Equal(h.Today.AddDays(15), placed.Order.Lines[0].PromiseDate);

        await h.EtaAsync("slip", "NEXT", o.Time.GetUtcNow(), h.Today.AddDays(12).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await h.ReconcileAsync("KB-75");

        Assert.Equal(Domain.Reconciliation.PromiseStatus.OnTrack, (await h.TrackingAsync(placed.Order.OrderId))!.Status);
        Assert.Empty(h.DelayConsent.Calls);
    }
}
