using Presale.Adapters.InMemory;
using Presale.Application.Orders;
using Presale.Application.Supply;
using Presale.Application.Tests.Orders;
using Presale.Domain.Common;
using static Presale.Application.Tests.Orders.OrderingHarness;

namespace Presale.Application.Tests.Supply;

public sealed class SupplyHandlersTests
{
    [Fact]
    public async Task StockAdjustment_RetriedWithTheSameKey_IsAppliedOnce_AndAnotherBodyUnderTheKeyIsRefused()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 0);
        var request = new StockAdjustmentRequest(4, StockAdjustmentReason.Delivery, "pallet 1");

        var first = Assert.IsType<StockAdjustmentResult.Applied>(await h.Stock.AdjustAsync(Sku.From("A"), "adj-1", request, Ct));
        var again = Assert.IsType<StockAdjustmentResult.Applied>(await h.Stock.AdjustAsync(Sku.From("A"), "adj-1", request, Ct));
        var reused = await h.Stock.AdjustAsync(Sku.From("A"), "adj-1", request with { Quantity = 5 }, Ct);

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.IsType<StockAdjustmentResult.KeyReused>(reused);
        Assert.Equal(4, (await h.StateAsync("A")).Ledger.OnHand);
    }

    [Fact]
    public async Task StockAdjustment_BelowWhatOrdersHold_IsRefused()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 3);
        Assert.IsType<PlaceOrderResult.Placed>(await h.Place.PlaceAsync("k", Order(("A", 2)), Ct));

        var result = await h.Stock.AdjustAsync(Sku.From("A"), "adj-2", new StockAdjustmentRequest(-2, StockAdjustmentReason.Damaged, null), Ct);

        var below = Assert.IsType<StockAdjustmentResult.BelowReserved>(result);
        Assert.Equal(2, below.Reserved);
        Assert.Equal(3, (await h.StateAsync("A")).Ledger.OnHand);
    }

    [Fact]
    public async Task StockAdjustment_RetriedAfterStockMoved_ReplaysInsteadOfRefusing()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 2);
        var removal = new StockAdjustmentRequest(-2, StockAdjustmentReason.Lost, null);
        Assert.IsType<StockAdjustmentResult.Applied>(await h.Stock.AdjustAsync(Sku.From("A"), "adj-1", removal, Ct));

        var retry = await h.Stock.AdjustAsync(Sku.From("A"), "adj-1", removal, Ct);

        Assert.True(Assert.IsType<StockAdjustmentResult.Applied>(retry).Replayed);
        Assert.Equal(0, (await h.StateAsync("A")).Ledger.OnHand);
    }

    [Fact]
    public async Task LotRegistration_ThatDiedHalfWay_IsCompletedByPostingItAgain_WithoutCountingALineTwice()
    {
        var store = new FaultInjectingTableStore(new InMemoryTableStore());
        var h = new OrderingHarness(store);
        await h.ConfigureShopAsync();
        await h.CreateSkuAsync("A", onHand: 0);
        await h.CreateSkuAsync("B", onHand: 0);
        var request = new RegisterLotRequest("L1", "PO-1", new DateOnly(2026, 3, 20), [new LotLineRequest("A", 10), new LotLineRequest("B", 20)]);

        store.Arm(failFrom: 7); // lot row inserted and line A applied; line B and the rest fail
        await Assert.ThrowsAsync<IOException>(() => h.Lots.RegisterAsync("acme", request, Ct));
        store.Disarm();
        Assert.Equal("registering", (await h.Lots.GetAsync("acme", "L1", Ct))!.Status);

        var resumed = Assert.IsType<LotRegistrationResult.Registered>(await h.Lots.RegisterAsync("acme", request, Ct));

        Assert.Equal("open", resumed.Lot.Status);
        Assert.Equal(10, (await h.StateAsync("A")).Ledger.Inbound);
        Assert.Equal(20, (await h.StateAsync("B")).Ledger.Inbound);
        Assert.Equal(10, (await h.StateAsync("A")).Available(new DateOnly(2026, 3, 2)));
        Assert.IsType<LotRegistrationResult.Conflict>(await h.Lots.RegisterAsync("acme", request with { Eta = new DateOnly(2026, 3, 21) }, Ct));
    }

    [Fact]
    public async Task Quote_PromisesFromTheSupplyAnOrderWouldTake_AndReservesNothing()
    {
        var h = new OrderingHarness();
        await h.ConfigureShopAsync(handlingDays: 1);
        await h.CreateSkuAsync("A", onHand: 2, lot: ("L1", 5, 6));

        var quoted = Assert.IsType<QuoteResult.Quoted>(await h.Quotes.QuoteAsync(new QuoteRequest([new QuoteLineRequest("A", 3)]), Ct));
        var tooMany = Assert.IsType<QuoteResult.Quoted>(await h.Quotes.QuoteAsync(new QuoteRequest([new QuoteLineRequest("A", 8)]), Ct));

        var line = Assert.Single(quoted.Quote.Lines);
        Assert.True(line.Promisable);
        Assert.Equal(new DateOnly(2026, 3, 2).AddDays(6 + 1), line.PromiseDate);
        Assert.Equal(Lot("L1"), Domain.Supply.SupplySource.Lot(line.Source!.SupplierId!, line.Source.LotId!));
        Assert.Equal(7, line.AvailableQuantity);
        Assert.False(tooMany.Quote.Lines[0].Promisable);
        Assert.Equal((0, 0), await h.ReservedAsync("A"));
    }
}
