using Presale.Adapters.InMemory;
using Presale.Application.Alerts;
using Presale.Application.IntegrationEvents;
using Presale.Application.Outbox;
using Presale.Application.Storage;
using Presale.Application.Tests.Orders;
using Presale.Domain.Alerts;

namespace Presale.Application.Tests.Purchasing;

public sealed class AlertsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => PurchasingHarness.Ct;

    private static AlertRaise Alert(string key) => new(key, AlertKind.PurchaseOrderUnacknowledged, "suppliers/acme", $"{key} needs a look", new { key });

    [Fact]
    public async Task Raise_IsOncePerKey_UntilCleared_ThenItCanBeRaisedAgain()
    {
        var h = new PurchasingHarness();

        Assert.Equal(AlertChange.Raised, await h.Alerts.RaiseAsync(Alert("k1"), T0, Ct));
        Assert.Equal(AlertChange.AlreadyOpen, await h.Alerts.RaiseAsync(Alert("k1"), T0.AddMinutes(1), Ct));
        Assert.Equal(AlertChange.Cleared, await h.Alerts.ClearAsync("k1", "fixed", T0.AddMinutes(2), Ct));
        Assert.Equal(AlertChange.NotOpen, await h.Alerts.ClearAsync("k1", "fixed", T0.AddMinutes(3), Ct));
        Assert.Equal(AlertChange.Raised, await h.Alerts.RaiseAsync(Alert("k1"), T0.AddMinutes(4), Ct));

        var events = AlertEvents(h);
        Assert.Equal([IntegrationEventTypes.AlertRaised, IntegrationEventTypes.AlertCleared, IntegrationEventTypes.AlertRaised], events.Select(e => e.Type));
        Assert.Equal(3, events.Select(e => e.Key).Distinct().Count());
        Assert.Equal(T0.AddMinutes(4), (await h.Alerts.GetAsync("k1", Ct))!.RaisedAt);
    }

    [Fact]
    public async Task ListOpen_ByKeyPrefix_InPages()
    {
        var h = new PurchasingHarness();
        foreach (var key in new[] { "resourcing|a|1", "po-unacknowledged|a|PO-1", "resourcing|a|2", "resourcing|b|1" })
        {
            await h.Alerts.RaiseAsync(Alert(key), T0, Ct);
        }

        await h.Alerts.ClearAsync("resourcing|a|2", "done", T0, Ct);
        var first = await h.Alerts.ListOpenAsync("resourcing|", 1, null, Ct);
        var second = await h.Alerts.ListOpenAsync("resourcing|", 1, first.ContinuationToken, Ct);

        Assert.Equal(["resourcing|a|1"], first.Items.Select(a => a.Key));
        Assert.Equal(["resourcing|b|1"], second.Items.Select(a => a.Key));
        Assert.Equal(3, (await h.Alerts.ListOpenAsync(string.Empty, 100, null, Ct)).Items.Count);
        Assert.Equal("resourcing|a|1", (await h.Alerts.ListOpenAsync(string.Empty, 100, null, Ct)).Items.Single(a => a.Key == "resourcing|a|1").Details!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachChange_IsWrittenWithItsEventRow_InOneTransaction()
    {
        var faults = new FaultInjectingTableStore(new InMemoryTableStore(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Testing.TestClock.Start)));
        var h = new PurchasingHarness(faults);
        var transactions = new List<IReadOnlyList<TableOperation>>();
        faults.Before = call =>
        {
            if (call.Method == nameof(ITableStore.SubmitTransactionAsync) && call.Table == h.AlertsOptions.AlertsTable)
            {
                transactions.Add(call.Operations);
            }

            return Task.CompletedTask;
        };

        await h.Alerts.RaiseAsync(Alert("k1"), T0, Ct);
        await h.Alerts.ClearAsync("k1", "fixed", T0.AddMinutes(1), Ct);

        Assert.Equal(2, transactions.Count);
        Assert.All(transactions, t => Assert.Equal(2, t.Count));
        Assert.All(transactions, t => Assert.StartsWith(OutboxRows.Prefix, t[1].Entity.RowKey, StringComparison.Ordinal));
        Assert.Equal([IntegrationEventTypes.AlertRaised, IntegrationEventTypes.AlertCleared], AlertEvents(h).Select(e => e.Type));
        Assert.Empty(h.Flow.Ordering.Publisher.Published);
    }

    [Fact]
    public async Task ManyRaisesOfOneKeyAtOnce_OpenOneAlert()
    {
        var h = new PurchasingHarness();

        var changes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => h.Alerts.RaiseAsync(Alert("k1"), T0.AddSeconds(i), Ct))));

        Assert.Equal(1, changes.Count(c => c == AlertChange.Raised));
        Assert.Single((await h.Alerts.ListOpenAsync(string.Empty, 100, null, Ct)).Items);
        Assert.Single(AlertEvents(h), e => e.Type == IntegrationEventTypes.AlertRaised);
    }

    [Fact]
    public async Task UnacknowledgedOrder_AlertsAfterTheDeadline_Once_AndClearsWhenAnswered()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 10);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 1m)));
        await h.PurchaseOrderAsync("PO-1", "acme", h.Today.AddDays(5), ("CHIP-1", 10, null));
        var key = AlertKey.Unacknowledged("acme", Domain.Purchasing.PurchaseOrderId.From("PO-1"));

        h.Time.Advance(h.Options.AcknowledgementDeadline - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await h.Sweep.RunAsync(Ct)).Alerted);
        h.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await h.Sweep.RunAsync(Ct)).Alerted);
        Assert.True(Assert.Single(await h.RowsAsync("acme", "ackdue|")).GetBoolean("Alerted"));
        Assert.Equal(0, (await h.Sweep.RunAsync(Ct)).Alerted);
        Assert.Contains("has not acknowledged purchase order PO-1", (await h.Alerts.GetAsync(key, Ct))!.Message, StringComparison.Ordinal);

        await h.Acknowledge.AcknowledgeAsync("acme", "PO-1", PurchasingHarness.Ack("a1", h.Time.GetUtcNow(), [(1, 10, h.Today.AddDays(5))]), Ct);

        Assert.Null(await h.Alerts.GetAsync(key, Ct));
        Assert.Empty(await h.RowsAsync("acme", "ackdue|"));
        Assert.Equal(new Application.Purchasing.PurchaseOrderSweepResult(0, 0, 0, 0, 0), await h.Sweep.RunAsync(Ct));
    }

    [Fact]
    public async Task PurchasingEvents_GoToTheEventsTopic_NeverToAQueue_AndLeaveNoRowBehind()
    {
        var h = new PurchasingHarness();
        await h.Flow.Ordering.ConfigureShopAsync();
        await h.Flow.Ordering.CreateSkuAsync("CHIP-1", 0, cap: 10);
        await h.SupplierAsync("acme", PurchasingHarness.StandardTerms(("CHIP-1", 1m)));
        await h.PurchaseOrderAsync("PO-1", "acme", h.Today.AddDays(5), ("CHIP-1", 10, null));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.Sweep.RunAsync(Ct);

        var created = Assert.Single(h.Published.Published, e => e.Type == IntegrationEventTypes.PurchaseOrderCreated);
        Assert.Equal("po-created:acme:PO-1", created.Key);
        Assert.Equal(("acme", "PO-1", "CHIP-1", "|CHIP-1|"), ((string)created.Properties["supplierId"], (string)created.Properties["purchaseOrderId"], (string)created.Properties["sku"], (string)created.Properties["skus"]));
        Assert.Empty(await h.RowsAsync("acme", OutboxRows.Prefix));
        Assert.DoesNotContain(h.Flow.Ordering.Publisher.Published, p => p.Message.Subject == IntegrationEventTypes.PurchaseOrderCreated);
    }

    /// <summary>The alert events published so far (the harness's events topic), oldest first.</summary>
    private static List<IntegrationEvent> AlertEvents(PurchasingHarness h) =>
        [.. h.Published.Published.Where(e => e.Type is IntegrationEventTypes.AlertRaised or IntegrationEventTypes.AlertCleared)];
}
