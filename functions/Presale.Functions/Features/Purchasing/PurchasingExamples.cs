using System.Text.Json.Nodes;
using Presale.Application.Alerts;
using Presale.Application.Purchasing;
using Presale.Application.Replenishment;
using Presale.Application.Settlement;
using Presale.Application.Suppliers;
using Presale.Domain.Alerts;
using Presale.Domain.Common;
using Presale.Domain.Purchasing;
using Presale.Domain.Purchasing.Settlement;
using Presale.Domain.Replenishment;
using Presale.Domain.Suppliers;
using Presale.Functions.Features.Orders;
using Presale.Functions.Features.Suppliers;
using Presale.Functions.Host.Http;
using Presale.Functions.Host.OpenApi;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Presale.Functions.Features.Purchasing;

/// <summary>
/// The OpenAPI examples of the purchasing routes, by operation id: supplier acme's terms, purchase order PO-2026-0042
/// of 300 × KB-75 and its acknowledgement, March's statement (the hand-computed example of docs/purchasing.md), KB-75's
/// replenishment and the alerts. The bodies are built with the domain and the handlers' own views, so they read like
/// real answers.
/// </summary>
internal static class PurchasingExamples
{
    private const string PurchaseOrderNumber = "PO-2026-0042";

    private static readonly DateTimeOffset Now = OrderSamples.Now;
    private static readonly int BodyLimit = new PurchasingOptions().MaxRequestBodyBytes;

    /// <summary>The examples by operation id.</summary>
    public static IReadOnlyDictionary<string, ApiExamples> ByOperationId { get; } = new Dictionary<string, ApiExamples>(StringComparer.Ordinal)
    {
        ["PutSupplierTerms"] = ApiExamples.For(
            TermsRequest,
            (Status201Created, Terms),
            (Status200OK, Terms),
            (Status400BadRequest, ExampleProblems.Invalid(("chargebacks.lateUnits", "A rate is a fraction from 0 to 1."), ("catalogue[0].sku", "SKU KB-99 is not known; configure it with PUT /api/skus/KB-99 first."))),
            (Status404NotFound, SuppliersFunctions.SupplierNotFound(SupplierSamples.SupplierId)),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status413PayloadTooLarge, Problems.TooLarge(BodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["GetSupplierTerms"] = ApiExamples.For(
            null,
            (Status200OK, Terms),
            (Status404NotFound, SupplierTermsFunctions.NoTerms(SupplierSamples.SupplierId))),
        ["CreatePurchaseOrder"] = ApiExamples.For(
            CreateRequest,
            (Status201Created, PurchaseOrderView.From(Placed)),
            (Status200OK, PurchaseOrderView.From(Placed)),
            (Status400BadRequest, ExampleProblems.Invalid(("lines[0].unitCost", "No unit cost given, and supplier acme's catalogue has none for MS-20."), ("requestedDeliveryDate", "The requested delivery date 2026-02-27 is before today (2026-03-02)."))),
            (Status409Conflict, ApiExampleSet.Of(
                ("supplier-terms-missing", PurchaseOrdersFunctions.NoTerms(SupplierSamples.SupplierId)),
                ("purchase-order-exists", PurchaseOrdersFunctions.PurchaseOrderExists(PurchaseOrderNumber)),
                ("shop-not-configured", Problems.ShopNotConfigured()))),
            (Status413PayloadTooLarge, Problems.TooLarge(BodyLimit)),
            (Status415UnsupportedMediaType, ExampleProblems.NotJsonBody)),
        ["ListSupplierPurchaseOrders"] = ApiExamples.For(
            null,
            (Status200OK, new[] { PurchaseOrderView.From(Acknowledged) })),
        ["GetSupplierPurchaseOrder"] = ApiExamples.For(
            null,
            (Status200OK, PurchaseOrderView.From(Acknowledged)),
            (Status404NotFound, PurchaseOrdersFunctions.UnknownPurchaseOrder(SupplierSamples.SupplierId, "PO-2026-0099"))),
        ["PostPurchaseOrderAcknowledgement"] = ApiExamples.For(
            AcknowledgementRequest,
            (Status200OK, ApiExampleSet.Of(
                ("applied", new PurchaseOrderAcknowledgementView(AcknowledgementRequest.EventId!, SupplierEventOutcome.Applied, null, PurchaseOrderView.From(Acknowledged))),
                ("stale", new PurchaseOrderAcknowledgementView("ack-20260302-0003", SupplierEventOutcome.Stale, Now.AddHours(1), PurchaseOrderView.From(Acknowledged))))),
            (Status400BadRequest, ExampleProblems.Invalid(("accepted[0].quantity", "Line 1 orders 300 units; it cannot accept 320."))),
            (Status404NotFound, PurchaseOrdersFunctions.UnknownPurchaseOrder(SupplierSamples.SupplierId, "PO-2026-0099")),
            (Status409Conflict, Problems.ShopNotConfigured()),
            (Status415UnsupportedMediaType, ExampleProblems.NotJson)),
        ["GetSupplierStatement"] = ApiExamples.For(
            null,
            (Status200OK, Statement),
            (Status400BadRequest, ExampleProblems.Invalid(("period", "A monthly period is written yyyy-MM, e.g. 2026-03."))),
            (Status404NotFound, ApiExampleSet.Of(
                ("No terms", SupplierTermsFunctions.NoTerms(SupplierSamples.SupplierId)),
                ("Outside the supplier's periods", SupplierStatementsFunctions.NoSuchPeriod(SupplierSamples.SupplierId, "2025-12", "2026-03", "2026-04")))),
            (Status409Conflict, Problems.ShopNotConfigured())),
        ["GetSkuReplenishment"] = ApiExamples.For(
            null,
            (Status200OK, Replenishment),
            (Status400BadRequest, ExampleProblems.Invalid(("sku", "A SKU may hold only letters, digits, '-', '_' and '.'."))),
            (Status404NotFound, Problems.NotFound("SKU KB-99", "sku")),
            (Status409Conflict, Problems.ShopNotConfigured())),
        ["ListReplenishmentSuggestions"] = ApiExamples.For(
            null,
            (Status200OK, new ReplenishmentWorklistPage([new ReplenishmentWorkItem(Replenishment.Sku, Replenishment, [ResourcingAlert])], Replenishment.Sku)),
            (Status400BadRequest, ExampleProblems.Invalid(("limit", $"limit must be a whole number from 1 to {ReplenishmentWorklistQuery.MaxLimit}."))),
            (Status409Conflict, Problems.ShopNotConfigured())),
        ["ListAlerts"] = ApiExamples.For(
            null,
            (Status200OK, new AlertPage([UnacknowledgedAlert, PreSoldAlert, ResourcingAlert], null)),
            (Status400BadRequest, ExampleProblems.Invalid(("kind", "kind must be purchaseOrderUnacknowledged or resourcing.")))),
    };

    private static SupplierTermsRequest TermsRequest => new(
        "EUR",
        new PaymentTermsRequest(30, PaymentTermsBasis.Receipt),
        new OnTimeWindowRequest(2, 0, OnTimeReference.RequestedDate),
        new ChargebackRatesRequest(0.03m, 0.05m, 0.10m, 0.90m),
        new RebateScheduleRequest(new GradeRatesRequest(A: 0.02m, B: 0.01m), [new VolumeTierRequest(10_000m, 0.01m)]),
        [new CatalogueItemRequest("KB-75", 41.25m, 50, 10)]);

    private static SupplierTermsView Terms => new(SupplierSamples.SupplierId, TermsRequest, new DateOnly(2026, 3, 1), Now);

    private static CreatePurchaseOrderRequest CreateRequest => new(PurchaseOrderNumber, SupplierSamples.SupplierId, "EUR", [new PurchaseOrderLineRequest("KB-75", 300, null)], new DateOnly(2026, 3, 20), null, "Spring pre-sale of KB-75");

    private static AcknowledgePurchaseOrderRequest AcknowledgementRequest => new("ack-20260302-0007", Now.AddHours(2), [new AcceptedLineRequest(1, 300, "2026-03-19")], null);

    private static PurchaseOrder Placed => PurchaseOrder.Create(
        PurchaseOrderId.From(PurchaseOrderNumber),
        SupplierSamples.SupplierId,
        "EUR",
        [new NewPurchaseOrderLine(Sku.From("KB-75"), 300, new Money(41.25m, "EUR"), new DateOnly(2026, 3, 20))],
        new PurchaseOrderTerms(new OnTimeWindow(2, 0, OnTimeReference.RequestedDate), new ChargebackRates(0.03m, 0.05m, 0.10m, 0.90m)),
        PurchaseOrderSource.Manual,
        "Spring pre-sale of KB-75",
        new DateOnly(2026, 3, 2),
        Now);

    private static PurchaseOrder Acknowledged
    {
        get
        {
            var order = Placed;
            order.Acknowledge(new PurchaseOrderAcknowledgement(AcknowledgementRequest.EventId!, Now.AddHours(2), [new AcceptedLine(1, 300, new DateOnly(2026, 3, 19))], []), new DateOnly(2026, 3, 2), Now.AddHours(2));
            return order;
        }
    }

    /// <summary>The hand-computed statement: 300 × 2.4567 EUR requested 15 March, 120 received on the 14th and 180 late on the 16th, grade A.</summary>
    private static JsonNode Statement
    {
        get
        {
            var march = SettlementPeriod.Containing(SettlementPeriodKind.Monthly, new DateOnly(2026, 3, 1));
            var line = new SettlementLineFacts(
                PurchaseOrderId.From(PurchaseOrderNumber), 1, Sku.From("CHIP-1"), new Money(2.4567m, "EUR"), 300, 300,
                (new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 15)), new ChargebackRates(0.03m, 0.05m, 0.10m),
                [new Delivery(new DateOnly(2026, 3, 14), 120, "rcv-0314"), new Delivery(new DateOnly(2026, 3, 16), 180, "rcv-0316")], 0, true);
            var terms = new SupplierTerms(
                "EUR",
                new PaymentTerms(30, PaymentTermsBasis.Receipt),
                new OnTimeWindow(2, 0, OnTimeReference.RequestedDate),
                new ChargebackRates(0.03m, 0.05m, 0.10m),
                new RebateSchedule(new Dictionary<SupplierGrade, decimal> { [SupplierGrade.A] = 0.02m }, []),
                []);
            var computed = StatementCalculator.Compute(new StatementInput(
                SupplierSamples.SupplierId, march, march.Start.AddDays(-1), terms, SupplierGrade.A, 0.97, [line], [], march.Previous.Start, SettlementPosition.Empty));
            var document = new SupplierStatementDocument(SupplierStatementDocument.Closed, new DateTimeOffset(2026, 4, 1, 2, 20, 0, TimeSpan.Zero), computed.Statement);
            return JsonNode.Parse(StatementExport.ToJson(document))!;
        }
    }

    private static ReplenishmentView Replenishment
    {
        get
        {
            var today = new DateOnly(2026, 3, 2);
            var demand = DemandRate.From([.. Enumerable.Range(0, 28).Select(d => d % 4 == 0 ? 6 : 3)]);
            var facts = new SkuReplenishmentFacts(Sku.From("KB-75"), today, 12, 0, 64, 52, new DateOnly(2026, 3, 18), 2, demand);
            var offers = new[]
            {
                new SupplierOffer(SupplierSamples.SupplierId, new CatalogueItem(Sku.From("KB-75"), new Money(41.25m, "EUR"), 50, 10), new SupplierLeadTime(SupplierSamples.SupplierId, 12, LeadTimeBasis.History, 5)),
                new SupplierOffer("keyco", new CatalogueItem(Sku.From("KB-75"), new Money(39.90m, "EUR"), 100, 25), new SupplierLeadTime("keyco", 21, LeadTimeBasis.SupplierDefault, 0)),
            };
            return new ReplenishmentView(
                "KB-75", today, facts.OnHand, facts.Inbound, facts.Reserved, facts.Uncovered, facts.EarliestUncoveredPromise, demand.UnitsPerDay, demand.Deviation, demand.Days,
                ReplenishmentPlanner.NeedBy(facts), ReplenishmentPlanner.Suggest(facts, offers), [.. offers.Select(o => o.SupplierId)]);
        }
    }

    private static AlertView UnacknowledgedAlert => new(
        AlertKey.Unacknowledged(SupplierSamples.SupplierId, PurchaseOrderId.From(PurchaseOrderNumber)),
        AlertKind.PurchaseOrderUnacknowledged,
        $"suppliers/{SupplierSamples.SupplierId}/purchase-orders/{PurchaseOrderNumber}",
        $"Supplier acme has not acknowledged purchase order {PurchaseOrderNumber} (created 2026-03-02 09:00 UTC, requested for 2026-03-20): 1 of 1 lines unanswered after 2.00:00:00.",
        JsonNode.Parse("""{"supplierId":"acme","purchaseOrderId":"PO-2026-0042","unansweredLines":[1],"requestedDeliveryDate":"2026-03-20","createdAt":"2026-03-02T09:00:00+00:00"}"""),
        Now.AddDays(2));

    private static AlertView ResourcingAlert => new(
        AlertKey.Resourcing(SupplierSamples.SupplierId, "LOT-2026-031", "KB-75"),
        AlertKind.Resourcing,
        $"suppliers/{SupplierSamples.SupplierId}/lots/LOT-2026-031",
        "Lot LOT-2026-031 of acme (ETA 2026-04-10) misses 2 promises of KB-75; keyco could deliver 60 units by 2026-03-23 (lead time 21 days), saving 2 orders.",
        JsonNode.Parse("""{"supplierId":"acme","lotId":"LOT-2026-031","sku":"KB-75","lotEta":"2026-04-10","ordersAtRisk":2,"ordersSaved":2,"option":{"supplierId":"keyco","leadTimeDays":21,"arrival":"2026-03-23","quantity":100,"unitCost":{"amount":39.90,"currency":"EUR"}},"savedOrders":[{"orderId":"ord-7Q2K","lineNumber":1,"units":1,"promisedOn":"2026-03-26"},{"orderId":"ord-8B3M","lineNumber":1,"units":1,"promisedOn":"2026-03-27"}]}"""),
        Now);

    private static AlertView PreSoldAlert => new(
        AlertKey.PreSoldBeyondSupply("KB-75"),
        AlertKind.PreSoldBeyondSupply,
        "skus/KB-75/replenishment",
        "Order 60 units of KB-75 from supplier acme by 2026-03-09 to keep promises: 140 reserved against 40 on hand and 80 inbound (20 without confirmed supply), demand 4.5/day (deviation 2.1) over a 12-day lead time plus 13 units of safety stock; goods needed by 2026-03-21, arriving 2026-03-14 if ordered today.",
        JsonNode.Parse("""{"sku":"KB-75","supplierId":"acme","quantity":60,"orderBy":"2026-03-09","needBy":"2026-03-21","arrival":"2026-03-14","keepsPromises":true,"leadTimeDays":12,"safetyStock":13,"onHand":40,"inbound":80,"reserved":140,"uncovered":20,"earliestUncoveredPromise":"2026-03-23","demandPerDay":4.5,"suggestionId":"KB-75|acme|2026-03-02"}"""),
        Now);
}
