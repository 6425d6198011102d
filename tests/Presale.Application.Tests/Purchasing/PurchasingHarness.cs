using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.Secrets;
using Presale.Application.Alerts;
using Presale.Application.Common;
using Presale.Application.IntegrationEvents;
using Presale.Application.Outbox;
using Presale.Application.Purchasing;
using Presale.Application.Replenishment;
using Presale.Application.Returns;
using Presale.Application.Security;
using Presale.Application.Settlement;
using Presale.Application.Storage;
using Presale.Application.Suppliers;
using Presale.Application.Tests.IntegrationEvents;
using Presale.Application.Tests.Reconciliation;
using Presale.Domain.Common;
using Presale.Domain.Security;

namespace Presale.Application.Tests.Purchasing;

/// <summary>
/// Purchasing, settlement, replenishment and alerts composed as the app composes them, over the ordering,
/// reconciliation and supplier-event use cases of <see cref="ReconciliationHarness"/> and one store (the twin, or
/// Azurite with table names of the test's own).
/// </summary>
internal sealed class PurchasingHarness
{
    private int _reconciled;

    public PurchasingHarness(ITableStore? store = null, string? tablePrefix = null, PurchasingOptions? options = null)
    {
        var prefix = tablePrefix ?? "t";
        Flow = new ReconciliationHarness(store, tablePrefix: prefix);
        var time = Flow.Ordering.Time;
        var tables = Flow.Ordering.Store;
        Suppliers = new SuppliersOptions { SuppliersTable = prefix + "suppliers", SecretEncryptionKey = SuppliersOptions.DevelopmentSecretEncryptionKey };
        Returns = new ReturnsOptions { ReturnsTable = prefix + "returns", SupplierClaimsTable = prefix + "claims" };
        Options = options ?? new PurchasingOptions();
        Options.PurchasingTable = prefix + "purchasing";
        Replenishment = new ReplenishmentOptions();
        AlertsOptions = new AlertsOptions { AlertsTable = prefix + "alerts" };

        // Purchasing's events are on as in a shop with an events topic; the ordering harness's recorder is the topic.
        Flow.Ordering.IntegrationEventsOptions.Topic = "events";
        EventOutbox = new OutboxEventPublisher(tables, Flow.Ordering.IntegrationEvents, Flow.Ordering.IntegrationEventsOptions, NullLogger<OutboxEventPublisher>.Instance);
        Registry = new SupplierRegistry(tables, new AesGcmSecretProtector(Suppliers.SecretEncryptionKey!), time, Suppliers);
        Authenticator = new SupplierWebhookAuthenticator(Registry, time, Suppliers);
        History = new SupplierLotsQuery(tables, Flow.Ordering.Options, Returns);
        Orders = new PurchaseOrderStore(tables, Options);
        TermsStore = new SupplierTermsStore(tables, Options);
        Terms = new SupplierTermsHandler(TermsStore, Registry, Flow.Ordering.Shops, Flow.Ordering.Supply, new SupplierTermsRequestValidator(), time);
        Demand = new SkuDemandReader(Flow.Plans, Flow.Ordering.Supply);
        LeadTimes = new SupplierLeadTimes(History, Registry, Replenishment, time);
        Offers = new SupplierOffers(TermsStore, LeadTimes);
        Alerts = new AlertStore(tables, AlertsOptions, EventOutbox);
        Create = new CreatePurchaseOrderHandler(Orders, TermsStore, Flow.Ordering.Shops, new RequestedDates(Demand, LeadTimes), EventOutbox, Options, new CreatePurchaseOrderRequestValidator(), time);
        LotSync = new PurchaseOrderLotSync(Flow.Ordering.Lots, Flow.Events, Flow.SupplierOutbox, time);
        FollowUp = new PurchaseOrderFollowUp(tables, Orders, LotSync, Alerts, time);
        Acknowledge = new AcknowledgePurchaseOrderHandler(
            Orders, new SupplierEventLedger(tables, time), Flow.Ordering.Shops, FollowUp, EventOutbox, new AcknowledgePurchaseOrderRequestValidator(), time,
            NullLogger<AcknowledgePurchaseOrderHandler>.Instance);
        Sweep = new PurchaseOrderSweep(tables, Orders, FollowUp, Alerts, EventOutbox, Suppliers, Options, time, NullLogger<PurchaseOrderSweep>.Instance);
        SupplierOrders = new SupplierPurchaseOrdersQuery(Orders);
        Statements = new SupplierStatementHandler(
            TermsStore, Flow.Ordering.Shops, new SettlementFactsReader(tables, Orders, Flow.Ordering.Options, Returns), new StatementStore(tables, Options),
            new SupplierGrades(History, Suppliers), EventOutbox, Options, time, NullLogger<SupplierStatementHandler>.Instance);
        Settlement = new SettlementSweep(tables, Statements, Suppliers, NullLogger<SettlementSweep>.Instance);
        Suggestions = new ReplenishmentQuery(Demand, Offers, Flow.Ordering.Shops, Replenishment, time);
        Resourcing = new ResourcingSweep(tables, Flow.Ordering.Options, Suppliers, Options, Flow.Ordering.Shops, Demand, Offers, Alerts, time, NullLogger<ResourcingSweep>.Instance);
        Inventory = new InventoryAlertSweep(TermsStore, Suggestions, Flow.Ordering.Shops, Alerts, Options, time, NullLogger<InventoryAlertSweep>.Instance);
    }

    public ReconciliationHarness Flow { get; }

    /// <summary>Writes, publishes and sweeps purchasing's and the alerts' integration events (to <see cref="Published"/>'s recorder).</summary>
    public OutboxEventPublisher EventOutbox { get; }

    /// <summary>The events topic: what was published, and a switch to make it fail.</summary>
    public RecordingEventPublisher Published => Flow.Ordering.IntegrationEvents;

    public SuppliersOptions Suppliers { get; }

    public ReturnsOptions Returns { get; }

    public PurchasingOptions Options { get; }

    public ReplenishmentOptions Replenishment { get; }

    public AlertsOptions AlertsOptions { get; }

    public SupplierRegistry Registry { get; }

    public SupplierWebhookAuthenticator Authenticator { get; }

    public SupplierLotsQuery History { get; }

    public PurchaseOrderStore Orders { get; }

    public SupplierTermsStore TermsStore { get; }

    public SupplierTermsHandler Terms { get; }

    public SkuDemandReader Demand { get; }

    public SupplierLeadTimes LeadTimes { get; }

    public SupplierOffers Offers { get; }

    public AlertStore Alerts { get; }

    public CreatePurchaseOrderHandler Create { get; }

    public PurchaseOrderLotSync LotSync { get; }

    public PurchaseOrderFollowUp FollowUp { get; }

    public AcknowledgePurchaseOrderHandler Acknowledge { get; }

    public PurchaseOrderSweep Sweep { get; }

    public SupplierPurchaseOrdersQuery SupplierOrders { get; }

    public SupplierStatementHandler Statements { get; }

    public SettlementSweep Settlement { get; }

    public ReplenishmentQuery Suggestions { get; }

    public ResourcingSweep Resourcing { get; }

    public InventoryAlertSweep Inventory { get; }

    public FakeTimeProvider Time => Flow.Ordering.Time;

    public ITableStore Store => Flow.Ordering.Store;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Berlin).DateTime);

    /// <summary>The shop's time zone in these tests.</summary>
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Moves the clock to <paramref name="hour"/>:00 in the shop's time zone on the day given (2026 unless said otherwise).</summary>
    public void At(int month, int day, int hour, int year = 2026)
    {
        var local = new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified);
        Time.SetUtcNow(new DateTimeOffset(local, Berlin.GetUtcOffset(local)));
    }

    /// <summary>The shop (Europe/Berlin, EUR, 2 handling days), a registered supplier with a webhook secret, and its terms; returns the secret.</summary>
    public async Task<string> SupplierAsync(string supplierId = "acme", SupplierTermsRequest? terms = null, int? defaultLeadTimeDays = null)
    {
        if (await Flow.Ordering.Shops.GetAsync(Ct) is null)
        {
            await Flow.Ordering.ConfigureShopAsync();
        }

        var created = await Registry.CreateAsync(new CreateSupplierRequest(supplierId, supplierId.ToUpperInvariant(), new SupplierContact(null, $"{supplierId}@example.com", null), defaultLeadTimeDays), Ct);
        Assert.Equal(CreateSupplierStatus.Created, created.Status);
        var secret = (await Registry.IssueSecretAsync(supplierId, Ct))!.Secret;
        if (terms is not null)
        {
            Assert.IsType<SupplierTermsResult.Saved>(await Terms.PutAsync(supplierId, terms, Ct));
        }

        return secret;
    }

    public static SupplierTermsRequest StandardTerms(params (string Sku, decimal Cost)[] catalogue) => new(
        "EUR",
        new PaymentTermsRequest(30, Domain.Purchasing.PaymentTermsBasis.Receipt),
        new OnTimeWindowRequest(2, 0, Domain.Purchasing.OnTimeReference.RequestedDate),
        new ChargebackRatesRequest(0.03m, 0.05m, 0.10m, null),
        new RebateScheduleRequest(new GradeRatesRequest(A: 0.02m), [new VolumeTierRequest(10_000m, 0.01m)]),
        [.. catalogue.Select(c => new CatalogueItemRequest(c.Sku, c.Cost, null, null))]);

    public async Task<PurchaseOrderView> PurchaseOrderAsync(string purchaseOrderId, string supplierId, DateOnly? requested, params (string Sku, int Quantity, decimal? Cost)[] lines)
    {
        var result = await Create.CreateAsync(new CreatePurchaseOrderRequest(purchaseOrderId, supplierId, null, [.. lines.Select(l => new PurchaseOrderLineRequest(l.Sku, l.Quantity, l.Cost))], requested, null, null), Ct);
        return Assert.IsType<CreatePurchaseOrderResult.Placed>(result).Order;
    }

    public static AcknowledgePurchaseOrderRequest Ack(string eventId, DateTimeOffset at, (int Line, int Quantity, DateOnly Eta)[]? accepted = null, (int Line, string? Reason)[]? rejected = null) =>
        new(
            eventId,
            at,
            accepted?.Select(a => new AcceptedLineRequest(a.Line, a.Quantity, a.Eta.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            rejected?.Select(r => new RejectedLineRequest(r.Line, r.Reason)).ToList());

    /// <summary>
    /// What the signed acknowledgement route does: authenticate the raw body with the signature header (signed now, or at
    /// <paramref name="signedAt"/>, with <paramref name="secret"/>), and only when it verifies, parse the exact bytes and
    /// apply them. Returns the authentication status and, when verified, the handler's result.
    /// </summary>
    public async Task<(SupplierWebhookStatus Status, AcknowledgementResult? Result)> SignedAcknowledgeAsync(
        string supplierId, string purchaseOrderId, AcknowledgePurchaseOrderRequest body, string secret, DateTimeOffset? signedAt = null, Func<byte[], byte[]>? tamper = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, PresaleJson.Options);
        var header = WebhookSigner.Sign(bytes, signedAt ?? Time.GetUtcNow(), secret);
        var sent = tamper?.Invoke(bytes) ?? bytes;
        var authentication = await Authenticator.AuthenticateAsync(supplierId, header, sent, Ct);
        if (!authentication.IsVerified)
        {
            return (authentication.Status, null);
        }

        var request = JsonSerializer.Deserialize<AcknowledgePurchaseOrderRequest>(authentication.Webhook!.Body.Span, PresaleJson.Options)!;
        return (authentication.Status, await Acknowledge.AcknowledgeAsync(supplierId, purchaseOrderId, request, Ct));
    }

    /// <summary>Runs the reconcile queue function for every reconcile message published since the last call, as the queue would deliver them.</summary>
    public async Task<int> DrainReconcileAsync()
    {
        var published = Flow.Ordering.Publisher.Published.Where(p => p.Queue == Flow.Ordering.Options.ReconcileQueue).ToList();
        var fresh = published.Skip(_reconciled).ToList();
        _reconciled = published.Count;
        var skus = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (_, message) in fresh)
        {
            var body = JsonNode.Parse(message.Body)!;
            if (body["sku"]?.GetValue<string>() is { } sku)
            {
                skus.Add(sku);
            }

            foreach (var item in body["skus"]?.AsArray() ?? [])
            {
                skus.Add(item!.GetValue<string>());
            }
        }

        foreach (var sku in skus)
        {
            await Flow.Reconcile.ReconcileAsync(Sku.From(sku), Ct);
        }

        return skus.Count;
    }

    /// <summary>The data of the integration events of <paramref name="type"/> published so far, oldest first.</summary>
    public IReadOnlyList<JsonNode> Events(string type) =>
        [.. Published.Published.Where(e => e.Type == type).Select(e => JsonNode.Parse(e.Body)!["data"]!)];

    /// <summary>The outbox messages of <paramref name="table"/> in partitions starting with <paramref name="partitionPrefix"/>, oldest first within a partition.</summary>
    public async IAsyncEnumerable<OutboxMessage> OutboxMessagesAsync(string table, string partitionPrefix)
    {
        var filter = TableFilter.Ge("PartitionKey", partitionPrefix) & TableFilter.Lt("PartitionKey", TableFilter.PrefixUpperBound(partitionPrefix))
            & TableFilter.Ge("RowKey", OutboxRows.Prefix) & TableFilter.Lt("RowKey", TableFilter.PrefixUpperBound(OutboxRows.Prefix));
        await foreach (var row in Store.QueryAllAsync(table, filter, 1000, Ct))
        {
            yield return OutboxRows.Read(row);
        }
    }

    /// <summary>Rows of <paramref name="supplierId"/>'s purchasing partition whose key starts with <paramref name="prefix"/>.</summary>
    public async Task<List<TableEntity>> RowsAsync(string supplierId, string prefix)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Store.QueryAllAsync(Options.PurchasingTable, TableFilter.RowPrefix("supplier|" + supplierId, prefix), 1000, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
