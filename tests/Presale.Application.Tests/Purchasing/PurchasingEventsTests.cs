using Presale.Application.Alerts;
using Presale.Application.IntegrationEvents;
using Presale.Application.Outbox;
using Presale.Domain.Alerts;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;

namespace Presale.Application.Tests.Purchasing;

/// <summary>
/// Purchasing's and the alerts' integration events ride their outboxes: written with the change, published right after
/// the commit and the row removed, left in the outbox while the topic is down and published once by the purchase-order
/// sweep after the grace, and not written at all while integration events are off.
/// </summary>
public sealed class PurchasingEventsTests
{
    private static CancellationToken Ct => PurchasingHarness.Ct;

    private static async Task<PurchasingHarness> ShopAsync()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 100);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 2m)));
        return h;
    }

    [Fact]
    public async Task PurchaseOrder_WhileTheTopicIsDown_IsPlaced_AndTheSweepPublishesItsEventOnce_AfterTheGrace()
    {
        var h = await ShopAsync();
        h.Published.Fail = true;

        await h.PurchaseOrderAsync("PO-1", "acme", h.Today.AddDays(5), ("CHIP-1", 10, null));

        Assert.Equal(1, h.Published.Attempts);
        Assert.Single(await h.RowsAsync("acme", OutboxRows.Prefix));
        h.Published.Fail = false;
        Assert.Equal(0, (await h.Sweep.RunAsync(Ct)).EventsPublished); // within the grace the request's own publish may still be under way

        h.Time.Advance(h.Options.FollowUpGrace + TimeSpan.FromSeconds(1));
        var swept = await h.Sweep.RunAsync(Ct);

        Assert.Equal((1, 0), (swept.EventsPublished, swept.Failed));
        var published = Assert.Single(h.Published.Published);
        Assert.Equal((IntegrationEventTypes.PurchaseOrderCreated, "po-created:acme:PO-1"), (published.Type, published.Key));
        Assert.Empty(await h.RowsAsync("acme", OutboxRows.Prefix));
        Assert.Equal(0, (await h.Sweep.RunAsync(Ct)).EventsPublished);
        Assert.Single(h.Published.Published);
    }

    [Fact]
    public async Task AnAlertEvent_TheTopicRefused_StaysInTheAlertsOutbox_UntilTheSweepPublishesIt()
    {
        var h = await ShopAsync();
        h.Published.Fail = true;
        var routing = new Dictionary<string, string> { [IntegrationEventProperties.SupplierId] = "acme", [IntegrationEventProperties.LotId] = "L1", [IntegrationEventProperties.Sku] = "CHIP-1" };

        Assert.Equal(AlertChange.Raised, await h.Alerts.RaiseAsync(new AlertRaise("resourcing|acme|L1|CHIP-1", AlertKind.Resourcing, "suppliers/acme/lots/L1", "late", null, routing), h.Time.GetUtcNow(), Ct));
        h.Published.Fail = false;
        h.Time.Advance(h.Options.FollowUpGrace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await h.Sweep.RunAsync(Ct)).EventsPublished);
        await h.Alerts.ClearAsync("resourcing|acme|L1|CHIP-1", "lot received", h.Time.GetUtcNow(), Ct);

        Assert.Equal([IntegrationEventTypes.AlertRaised, IntegrationEventTypes.AlertCleared], h.Published.Published.Select(e => e.Type));
        Assert.All(h.Published.Published, e => Assert.Equal(("resourcing", "acme", "L1", "CHIP-1"), ((string)e.Properties["alertKind"], (string)e.Properties["supplierId"], (string)e.Properties["lotId"], (string)e.Properties["sku"])));
        Assert.Empty(await h.OutboxMessagesAsync(h.AlertsOptions.AlertsTable, AlertStore.Partition).ToListAsync(Ct));
    }

    [Fact]
    public async Task WithEventsOff_NoEventRowIsWritten_AndNothingIsPublished()
    {
        var h = await ShopAsync();
        h.Flow.Ordering.IntegrationEventsOptions.Topic = null;

        await h.PurchaseOrderAsync("PO-1", "acme", h.Today.AddDays(5), ("CHIP-1", 10, null));
        await h.Acknowledge.AcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("a1", h.Time.GetUtcNow(), [(1, 10, h.Today.AddDays(5))]), Ct);

        Assert.Empty(await h.RowsAsync("acme", OutboxRows.Prefix));
        Assert.Equal(0, h.Published.Attempts);
    }

    [Fact]
    public void TheEventOfTheLargestPurchaseOrder_FitsOneOutboxRow()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var lines = Enumerable.Range(1, PurchaseOrder.MaxLines)
            .Select(i => new NewPurchaseOrderLine(Sku.From($"SKU-{i:D3}-" + new string('X', Sku.MaxLength - 8)), PurchaseOrder.MaxUnitsPerLine, new Money(999_999.123456m, "EUR"), new DateOnly(2026, 12, 31)))
            .ToList();
        var order = PurchaseOrder.Create(
            PurchaseOrderId.From(new string('P', 60)), new string('s', 64), "EUR", lines,
            new PurchaseOrderTerms(new OnTimeWindow(2, 0, OnTimeReference.RequestedDate), new ChargebackRates(0.03m, 0.05m, 0.1m)),
            new PurchaseOrderSource(PurchaseOrderOrigin.Suggestion, new string('g', 120)), null, new DateOnly(2026, 3, 2), at);
        Assert.True(order.Acknowledge(
            new PurchaseOrderAcknowledgement(new string('e', 96), at, [.. lines.Select((l, i) => new AcceptedLine(i + 1, l.Quantity, l.RequestedDate))], []),
            new DateOnly(2026, 3, 2),
            at).IsSuccess);

        var row = OutboxRows.Entity("supplier|" + order.SupplierId, IntegrationEventOutbox.Message(PurchasingEvents.Acknowledged(order, new string('e', 96), at, at)));

        // Table Storage holds at most 64 KiB (32,768 UTF-16 characters) in one string property.
        Assert.InRange(row.GetString("Body")!.Length, 1, 32_768);
    }
}
