using Microsoft.Extensions.Logging.Abstractions;
using Presale.Application.Common;
using Presale.Application.Orders;
using Presale.Application.Reconciliation;
using Presale.Application.Supply;
using Presale.Application.Tests.Reconciliation;

namespace Presale.Application.Tests.Orders;

/// <summary>
/// Quote, placement and the 409 answer all use the supply sequence with the suppliers' slip buffers inside it: supplier
/// acme delivers three days late, zeta has no history (no buffer). Acme's lot is due two days before zeta's, so with
/// acme's buffer it comes one day after it.
/// </summary>
public sealed class BufferedPromiseTests
{
    private static CancellationToken Ct => ReconciliationHarness.Ct;

    [Fact]
    public async Task QuotePlacementAndShortAnswer_PromiseBufferedLotsInBufferedOrder()
    {
        var (h, place, quotes) = await ArrangeAsync();
        var today = h.Today;

        var quote = Assert.IsType<QuoteResult.Quoted>(await quotes.QuoteAsync(new QuoteRequest([new QuoteLineRequest("KB-75", 2)]), Ct)).Quote.Lines[0];
        var shortage = Assert.IsType<PlaceOrderResult.Short>(await place.PlaceAsync("k-3", OrderingHarness.Order(("KB-75", 3)), Ct)).Lines[0];
        var first = Assert.IsType<PlaceOrderResult.Placed>(await place.PlaceAsync("k-1", OrderingHarness.Order(("KB-75", 1)), Ct)).Order.Lines[0];
        var second = Assert.IsType<PlaceOrderResult.Placed>(await place.PlaceAsync("k-2", OrderingHarness.Order(("KB-75", 1)), Ct)).Order.Lines[0];

        // Two units: the second comes from acme's lot at its ETA (day 10) + 3 buffer days + 2 handling days.
        Assert.Equal(today.AddDays(15), quote.PromiseDate);
        Assert.Equal("LATE", quote.Source!.LotId);
        Assert.Equal(3, quote.Buffer!.Days);
        Assert.Equal(2, shortage.Available);
        Assert.Equal(today.AddDays(15), shortage.EarliestPromiseDate);

        // In queue order: zeta's lot (day 12) first, then acme's (day 13 with its buffer); never the other way round.
        Assert.Equal((today.AddDays(14), "ONTIME"), (first.PromiseDate, first.Source!.LotId));
        Assert.Equal((today.AddDays(15), "LATE"), (second.PromiseDate, second.Source!.LotId));
        var reservations = await h.Ordering.ReservationsAsync("KB-75");
        Assert.Equal(2, reservations.Count);
    }

    private static async Task<(ReconciliationHarness, PlaceOrderHandler, QuoteHandler)> ArrangeAsync()
    {
        var options = new ReconciliationOptions();
        var h = new ReconciliationHarness(options: options);
        var o = h.Ordering;
        await o.ConfigureShopAsync(timeZone: "UTC");
        await o.CreateSkuAsync("KB-75", 0);
        await o.CreateSkuAsync("OLD-1", 0);
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<LotRegistrationResult.Registered>(await o.Lots.RegisterAsync("acme", new RegisterLotRequest($"OLD-{i}", "PO", h.Today.AddDays(1), [new LotLineRequest("OLD-1", 1)]), Ct));
            o.Time.Advance(TimeSpan.FromDays(4));
            Assert.IsType<Application.Suppliers.SupplierLotEventResult.Acknowledged>(await h.ReceiptAsync($"r-{i}", $"OLD-{i}", o.Time.GetUtcNow(), ("OLD-1", 1)));
        }

        Assert.IsType<LotRegistrationResult.Registered>(await o.Lots.RegisterAsync("acme", new RegisterLotRequest("LATE", "PO", h.Today.AddDays(10), [new LotLineRequest("KB-75", 1)]), Ct));
        Assert.IsType<LotRegistrationResult.Registered>(await o.Lots.RegisterAsync("zeta", new RegisterLotRequest("ONTIME", "PO", h.Today.AddDays(12), [new LotLineRequest("KB-75", 1)]), Ct));
        var buffers = new SupplierPromiseBuffers(h.LotsQuery, options, o.Time);
        var place = new PlaceOrderHandler(o.Orders, o.Supply, new ReservationService(o.Supply, new RandomSource(new Random(3)), o.Time, buffers), o.Saga, o.Outbox, o.Shops, new PlaceOrderRequestValidator(o.Options), o.Options, o.Notifications, o.Time, NullLogger<PlaceOrderHandler>.Instance);
        var quotes = new QuoteHandler(o.Supply, o.Shops, new QuoteRequestValidator(o.Options), o.Time, buffers);
        return (h, place, quotes);
    }
}
