using Presale.Application.Purchasing;
using Presale.Domain.Purchasing;

namespace Presale.Application.Tests.Purchasing;

public sealed class PurchaseOrderTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    private static async Task<PurchasingHarness> SupplierWithTermsAsync(params (string Sku, decimal Cost)[] catalogue)
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 100);
        await h.Flow.Ordering.CreateSkuAsync("CHIP-2", 50);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(catalogue), defaultLeadTimeDays: 9);
        return h;
    }

    [Fact]
    public async Task Create_WritesTheOrderItsIndexRowsAndItsEvent_InOneGo()
    {
        var h = await SupplierWithTermsAsync(("CHIP-1", 2.4567m));

        var order = await h.PurchaseOrderAsync("PO-1", "acme", h.Today.AddDays(10), ("CHIP-1", 30, null), ("CHIP-2", 5, 1.25m));

        Assert.Equal((PurchaseOrderStatus.AwaitingAcknowledgement, "EUR", 79.95m), (order.Status, order.Currency, order.OrderedValue.Amount)); // 30 × 2.4567 + 5 × 1.25 = 79.951
        Assert.Equal([2.4567m, 1.25m], order.Lines.Select(l => l.UnitCost.Amount));
        Assert.Equal(new ChargebackRates(0.03m, 0.05m, 0.10m), order.Chargebacks);
        Assert.Single(await h.RowsAsync("acme", "active|PO-1"));
        var due = Assert.Single(await h.RowsAsync("acme", "ackdue|"));
        Assert.EndsWith("|PO-1", due.RowKey, StringComparison.Ordinal);
        Assert.Equal("PO-1", Assert.Single(h.Events("purchase-order.created"))["purchaseOrderId"]!.GetValue<string>());
        Assert.Empty(await h.RowsAsync("acme", "outbox|")); // written with the order, removed once published
    }

    [Fact]
    public async Task Create_WithoutADate_AsksForTheDateTheEarliestUncoveredPromiseNeeds_ElseTheSuppliersLeadTime()
    {
        var h = await SupplierWithTermsAsync(("CHIP-1", 2m), ("CHIP-2", 1m));
        var orderId = await h.Flow.PlaceAsync("CHIP-1", 4);
        var promise = (await h.Flow.OrderAsync(orderId)).Lines[0].Promise!.PromisedOn;

        var order = await h.PurchaseOrderAsync("PO-1", "acme", null, ("CHIP-1", 10, null), ("CHIP-2", 10, null));

        Assert.Equal(promise.AddDays(-2), order.Lines[0].RequestedDate);
        Assert.Equal(h.Today.AddDays(9), order.Lines[1].RequestedDate);
        Assert.Equal(h.Today.AddDays(9), order.RequestedDeliveryDate);
    }

    [Fact]
    public async Task Create_Again_IsTheSameOrder_AnotherOrderUnderTheIdConflicts()
    {
        var h = await SupplierWithTermsAsync(("CHIP-1", 2m));
        var request = new CreatePurchaseOrderRequest("PO-1", "acme", "EUR", [new PurchaseOrderLineRequest("CHIP-1", 10, null)], h.Today, null, null);
        Assert.True(Assert.IsType<CreatePurchaseOrderResult.Placed>(await h.Create.CreateAsync(request, Ct)).Created);

        var again = Assert.IsType<CreatePurchaseOrderResult.Placed>(await h.Create.CreateAsync(request, Ct));
        var other = await h.Create.CreateAsync(request with { Lines = [new PurchaseOrderLineRequest("CHIP-1", 11, null)] }, Ct);

        Assert.False(again.Created);
        Assert.Equal("PO-1", Assert.IsType<CreatePurchaseOrderResult.Conflict>(other).PurchaseOrderId);
        Assert.Single(h.Events("purchase-order.created"));
    }

    [Fact]
    public async Task Create_BadInput_NamesEachField()
    {
        var h = await SupplierWithTermsAsync();
        async Task<string[]> FieldsAsync(CreatePurchaseOrderRequest request) =>
            [.. Assert.IsType<CreatePurchaseOrderResult.Invalid>(await h.Create.CreateAsync(request, Ct)).Errors.Keys.Order(StringComparer.Ordinal)];

        Assert.Equal(["lines", "purchaseOrderId", "supplierId"], await FieldsAsync(new CreatePurchaseOrderRequest(null, "a/b", null, [], null, null, null)));
        Assert.Equal(["lines[0].quantity", "lines[1].sku", "lines[2].unitCost"], await FieldsAsync(new CreatePurchaseOrderRequest(
            "PO-1", "acme", null,
            [new PurchaseOrderLineRequest("CHIP-1", 0, 1m), new PurchaseOrderLineRequest("CHIP-1", 1, 1m), new PurchaseOrderLineRequest("CHIP-2", 1, 0.0000001m)],
            null, null, null)));
        Assert.Equal(["purchaseOrderId"], await FieldsAsync(new CreatePurchaseOrderRequest(new string('p', 61), "acme", null, [new PurchaseOrderLineRequest("CHIP-1", 1, 1m)], null, null, null)));
        Assert.Equal(["lines[0].unitCost"], await FieldsAsync(new CreatePurchaseOrderRequest("PO-1", "acme", null, [new PurchaseOrderLineRequest("CHIP-1", 1, null)], null, null, null)));
        Assert.Equal(["lines[0].sku"], await FieldsAsync(new CreatePurchaseOrderRequest("PO-1", "acme", null, [new PurchaseOrderLineRequest("NOPE", 1, 1m)], null, null, null)));
        Assert.Equal(["currency", "requestedDeliveryDate"], await FieldsAsync(new CreatePurchaseOrderRequest("PO-1", "acme", "USD", [new PurchaseOrderLineRequest("CHIP-1", 1, 1m)], h.Today.AddDays(-1), null, null)));
        Assert.Equal("ghost", Assert.IsType<CreatePurchaseOrderResult.NoTerms>(await h.Create.CreateAsync(new CreatePurchaseOrderRequest("PO-1", "ghost", null, [new PurchaseOrderLineRequest("CHIP-1", 1, 1m)], null, null, null), Ct)).SupplierId);
    }

    [Fact]
    public async Task SupplierSeesItsOpenOrders_NotRejectedOnes_NorAnotherSuppliers()
    {
        var h = await SupplierWithTermsAsync(("CHIP-1", 2m));
        await h.SupplierAsync("bolt", PurchasingHarness.StandardTerms(("CHIP-1", 2m)));
        await h.PurchaseOrderAsync("PO-2", "acme", h.Today, ("CHIP-1", 1, null));
        await h.PurchaseOrderAsync("PO-1", "acme", h.Today, ("CHIP-1", 1, null));
        await h.PurchaseOrderAsync("PO-9", "bolt", h.Today, ("CHIP-1", 1, null));
        await h.PurchaseOrderAsync("PO-3", "acme", h.Today, ("CHIP-1", 1, null));
        await h.Acknowledge.AcknowledgeAsync("acme", "PO-3", PurchasingHarness.Ack("r", h.Time.GetUtcNow(), rejected: [(1, "no stock")]), Ct);

        Assert.Equal(["PO-1", "PO-2"], (await h.SupplierOrders.ListOpenAsync("acme", Ct)).Select(o => o.PurchaseOrderId));
        Assert.Empty(await h.SupplierOrders.ListOpenAsync("a/b", Ct));
        Assert.Null(await h.SupplierOrders.GetAsync("bolt", "PO-1", Ct));
    }

    [Fact]
    public async Task FromSuggestion_RecordsTheSuggestionAndAsksForTheDateItNeeds()
    {
        var h = await SupplierWithTermsAsync(("CHIP-1", 2m));
        await h.Flow.PlaceAsync("CHIP-1", 12);

        var assessed = Assert.IsType<Replenishment.ReplenishmentResult.Assessed>(await h.Suggestions.AssessAsync("CHIP-1", Ct)).View;
        var suggestion = assessed.Suggestion!;
        var order = Assert.IsType<CreatePurchaseOrderResult.Placed>(await h.Create.CreateAsync(CreatePurchaseOrderRequest.FromSuggestion(suggestion, "PO-S1"), Ct)).Order;

        Assert.Equal((PurchaseOrderOrigin.Suggestion, suggestion.SuggestionId, suggestion.Chosen.Quantity), (order.Origin, order.SuggestionId, order.Lines[0].Quantity));
        Assert.Equal(suggestion.NeedBy, order.RequestedDeliveryDate);
    }
}
