using System.Globalization;
using System.Text.Json.Nodes;
using Presale.Application.Outbox;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Supply;
using Presale.Application.Tests.Reconciliation;

namespace Presale.Application.Tests.Suppliers;

public sealed class SupplierLotEventHandlerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => ReconciliationHarness.Ct;

    /// <summary>A lot with as many lines as a lot may have, one SKU each.</summary>
    private static async Task<(ReconciliationHarness H, string[] Skus)> FullLotAsync()
    {
        var h = new ReconciliationHarness();
        await h.Ordering.ConfigureShopAsync();
        var skus = Enumerable.Range(0, RegisterLotRequestValidator.MaxLines).Select(i => $"BIG-{i:D3}").ToArray();
        foreach (var sku in skus)
        {
            await h.Ordering.CreateSkuAsync(sku, 0);
        }

        var registered = await h.Ordering.Lots.RegisterAsync(
            "acme",
            new RegisterLotRequest("L-BIG", "PO-BIG", h.Today.AddDays(10), [.. skus.Select(s => new LotLineRequest(s, 10))]),
            Ct);
        Assert.IsType<LotRegistrationResult.Registered>(registered);
        return (h, skus);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The reconcile messages published for <paramref name="eventId"/>: SKU by message id.</summary>
    private static Dictionary<string, string> ReconcileMessages(ReconciliationHarness h, string eventId) =>
        h.Ordering.Publisher.Published
            .Where(p => p.Queue == h.Ordering.Options.ReconcileQueue && p.Message.MessageId.StartsWith($"supply|acme|{eventId}|", StringComparison.Ordinal))
            .ToDictionary(p => p.Message.MessageId, p => JsonNode.Parse(p.Message.Body)!["sku"]!.GetValue<string>(), StringComparer.Ordinal);

    private static async Task<int> SupplierOutboxRowsAsync(ReconciliationHarness h)
    {
        var count = 0;
        await foreach (var row in h.Ordering.Store.QueryAllAsync(h.Ordering.Options.LotsTable, TableFilter.RowPrefix("acme", OutboxRows.Prefix), 100, Ct))
        {
            count++;
        }

        return count;
    }

    private static void AssertAppliedToEverySku(ReconciliationHarness h, SupplierLotEventResult result, string eventId, string[] skus)
    {
        var acknowledged = Assert.IsType<SupplierLotEventResult.Acknowledged>(result);
        Assert.Equal(SupplierEventOutcome.Applied, acknowledged.Acknowledgement.Outcome);
        Assert.Equal(skus, acknowledged.AffectedSkus);
        var messages = ReconcileMessages(h, eventId);
        Assert.Equal(skus.Length, messages.Count);
        Assert.All(messages, m => Assert.Equal($"supply|acme|{eventId}|{m.Value}", m.Key));
        Assert.Equal(skus.ToHashSet(StringComparer.Ordinal), messages.Values.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EtaUpdate_OnALotWithTheMostLines_AppliesAndSendsEverySkuItsReconcileMessage()
    {
        var (h, skus) = await FullLotAsync();

        var result = await h.EtaAsync("eta-1", "L-BIG", T0, Date(h.Today.AddDays(20)));

        AssertAppliedToEverySku(h, result, "eta-1", skus);
        Assert.Equal(0, await SupplierOutboxRowsAsync(h));
        Assert.Equal(h.Today.AddDays(20), (await h.Ordering.Lots.GetAsync("acme", "L-BIG", Ct))!.Eta);
    }

    [Fact]
    public async Task ShortShipment_OfEveryLineOfALotWithTheMostLines_Applies()
    {
        var (h, skus) = await FullLotAsync();

        var result = await h.EtaAsync("short-1", "L-BIG", T0, null, [.. skus.Select(s => new SupplierLotLineRequest(s, 6))]);

        AssertAppliedToEverySku(h, result, "short-1", skus);
        Assert.All((await h.Ordering.Lots.GetAsync("acme", "L-BIG", Ct))!.Lines, l => Assert.Equal(4, l.Cancelled));
    }

    [Fact]
    public async Task Receipt_OfEveryLineOfALotWithTheMostLines_AppliesAndReconcileMovesTheUnitsOnHand()
    {
        var (h, skus) = await FullLotAsync();

        var result = await h.Events.ApplyReceiptAsync("acme", new ReceiptRequest("rcv-1", T0, "L-BIG", [.. skus.Select(s => new SupplierLotLineRequest(s, 10))]), Ct);

        AssertAppliedToEverySku(h, result, "rcv-1", skus);
        await h.ReconcileAsync(skus[^1]);
        Assert.Equal(10, (await h.Ordering.StateAsync(skus[^1])).Ledger.OnHand);
    }

    [Fact]
    public async Task Cancellation_OfALotWithTheMostLines_Applies()
    {
        var (h, skus) = await FullLotAsync();

        var result = await h.EtaAsync("cancel-1", "L-BIG", T0, null, cancelled: true);

        AssertAppliedToEverySku(h, result, "cancel-1", skus);
        Assert.Equal(SupplierLotEventHandler.CancelledStatus, (await h.Ordering.Lots.GetAsync("acme", "L-BIG", Ct))!.Status);
    }

    [Fact]
    public async Task EtaUpdate_WhenTheBrokerFails_LeavesOneOutboxRowThatTheSweeperFansOutWithTheSameIds()
    {
        var (h, skus) = await FullLotAsync();
        await h.RegisterSupplierAsync();
        h.Ordering.Publisher.Fail = true;

        Assert.IsType<SupplierLotEventResult.Acknowledged>(await h.EtaAsync("eta-1", "L-BIG", T0, Date(h.Today.AddDays(20))));

        Assert.Equal(1, await SupplierOutboxRowsAsync(h));
        h.Ordering.Publisher.Fail = false;
        h.Ordering.Time.Advance(TimeSpan.FromMinutes(5));
        var sweep = new SupplierOutboxSweep(h.Ordering.Store, h.SupplierOutbox, h.Ordering.Options, h.SuppliersOptions, h.Ordering.Time);
        Assert.Equal(1, await sweep.RunAsync(Ct));
        Assert.Equal(0, await SupplierOutboxRowsAsync(h));
        Assert.Equal(skus.ToHashSet(StringComparer.Ordinal), ReconcileMessages(h, "eta-1").Values.ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void FanOut_OfARowWrittenPerSku_PublishesItUnchanged()
    {
        var legacy = new OutboxMessage("supply|acme|e-1|KB-75", SupplyChangedOutbox.Subject, """{"type":"supply.changed","sku":"KB-75","lotId":"L1"}""", "KB-75", T0);

        var single = Assert.Single(SupplyChangedOutbox.FanOut(legacy));

        Assert.Equal((legacy.MessageId, legacy.Body), (single.MessageId, single.Body));
    }

    [Fact]
    public void FanOut_OneMessagePerSkuWithTheEventsFields()
    {
        var message = SupplyChangedOutbox.Message("acme", "e-1", "L1", ["B-2", "A-1", "B-2"], T0);

        var fanned = SupplyChangedOutbox.FanOut(message);

        Assert.Equal(["supply|acme|e-1|A-1", "supply|acme|e-1|B-2"], fanned.Select(m => m.MessageId));
        var body = JsonNode.Parse(fanned[0].Body)!;
        Assert.Equal(("A-1", "L1", "e-1", "acme"), (body["sku"]!.GetValue<string>(), body["lotId"]!.GetValue<string>(), body["eventId"]!.GetValue<string>(), body["supplierId"]!.GetValue<string>()));
        Assert.Null(body["skus"]);
    }
}
